@echo off
rem TLS365: exports the registry keys TLS365's rules read into one .reg file, with reg.exe only: for machines
rem where the collector cannot run (Windows Server 2008 R2 with PowerShell 2.0, Constrained Language, no Node).
rem Usage, as an administrator:  Export-Tls365Keys.cmd [output.reg]   (default: %COMPUTERNAME%-tls365.reg here)
rem Then, on any machine with TLS365:  Get-Tls365Readiness -Path <output.reg>
rem Each key is exported from the 64-bit view (/reg:64: a 32-bit cmd.exe, as ConfigMgr runs it, would read the
rem 32-bit view); keys that do not exist are skipped. The parts are joined into one file that TLS365 reads as a
rem whole-machine image (repeated headers are allowed there). HKCU is the account that runs this script.
rem A key that exists but cannot be exported stops the script (exit 1, the key named, no file written): a file
rem without it would give a wrong verdict (for example, updates reported missing), not an error.
setlocal
set "OUT=%~1"
if "%OUT%"=="" set "OUT=%COMPUTERNAME%-tls365.reg"
rem The parts go to a folder beside the output file (the account can write there; %TEMP% may not exist for it).
for %%F in ("%OUT%") do set "PARTS=%%~dpFtls365-export-%RANDOM%%RANDOM%"
mkdir "%PARTS%" >nul 2>&1
if not exist "%PARTS%\" (echo TLS365: cannot create "%PARTS%" & exit /b 1)
rem reg.exe by its full path: a bare "reg" would run a reg.exe or reg.bat from the current folder first.
set "REG=%SystemRoot%\System32\reg.exe"
set /a N=100
set "FAILED="
call :export "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion"
call :export "HKLM\SYSTEM\CurrentControlSet\Control\ComputerName\ComputerName"
call :export "HKLM\SYSTEM\CurrentControlSet\Control\ComputerName\ActiveComputerName"
call :export "HKLM\SYSTEM\CurrentControlSet\Control\ProductOptions"
call :export "HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment"
call :export "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL"
call :export "HKLM\SYSTEM\CurrentControlSet\Control\Lsa\FipsAlgorithmPolicy"
call :export "HKLM\SYSTEM\CurrentControlSet\Control\Cryptography\Configuration\Local\SSL\00010002"
call :export "HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002"
call :export "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp"
call :export "HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp"
call :export "HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings"
call :export "HKCU\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings"
call :export "HKCU\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings"
call :export "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings"
call :export "HKLM\SOFTWARE\Microsoft\.NETFramework"
call :export "HKLM\SOFTWARE\WOW6432Node\Microsoft\.NETFramework"
call :export "HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP"
call :export "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages"
rem Pending-restart markers: only whether the key exists matters (a missing one is skipped like any other key).
call :export "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending"
call :export "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired"
call :export "HKLM\SOFTWARE\TLS365RestartPending"
call :export "HKLM\SOFTWARE\Microsoft\Updates"
call :export "HKLM\SOFTWARE\WOW6432Node\Microsoft\Updates"
call :export "HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\Setup"
call :export "HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\EdgeTransportRole"
call :export "HKLM\SOFTWARE\Microsoft\ExchangeServer\v14\Setup"
call :export "HKLM\SOFTWARE\Microsoft\SMS\Mobile Client"
call :export "HKLM\SOFTWARE\Microsoft\Azure AD Connect"
if defined FAILED (echo TLS365: nothing written: the keys above exist but could not be read; run as an administrator or SYSTEM & rmdir /s /q "%PARTS%" & exit /b 1)
copy /b "%PARTS%\*.reg" "%OUT%" >nul 2>&1
if not exist "%OUT%" (echo TLS365: writing "%OUT%" failed & rmdir /s /q "%PARTS%" & exit /b 1)
rmdir /s /q "%PARTS%"
echo TLS365: wrote %OUT%. Evaluate it with: Get-Tls365Readiness -Path "%OUT%"
exit /b 0

:export
rem One key: skipped when it does not exist (asked twice); its export must succeed when it does (tried twice:
rem a busy machine can fail one reg.exe run that succeeds a moment later).
"%REG%" query "%~1" /reg:64 >nul 2>&1
if errorlevel 1 "%REG%" query "%~1" /reg:64 >nul 2>&1
if errorlevel 1 goto :eof
set /a N+=1
"%REG%" export "%~1" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
if not errorlevel 1 goto :eof
"%REG%" export "%~1" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
if errorlevel 1 (echo TLS365: could not export "%~1" & set "FAILED=1")
goto :eof
