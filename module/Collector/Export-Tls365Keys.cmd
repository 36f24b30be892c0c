@echo off
rem TLS365: exports the registry keys TLS365's rules read into one .reg file, with reg.exe only: for machines
rem where the collector cannot run (Windows Server 2008 R2 with PowerShell 2.0, Constrained Language, no Node).
rem Usage, as an administrator:  Export-Tls365Keys.cmd [output.reg]   (default: %COMPUTERNAME%-tls365.reg here)
rem Then, on any machine with TLS365:  Get-Tls365Readiness -Path <output.reg>
rem Each key is exported from the 64-bit view (/reg:64: a 32-bit cmd.exe, as ConfigMgr runs it, would read the
rem 32-bit view); keys that do not exist are skipped. The parts are joined into one file that TLS365 reads as a
rem whole-machine image (repeated headers are allowed there). HKCU is the account that runs this script.
setlocal
set "OUT=%~1"
if "%OUT%"=="" set "OUT=%COMPUTERNAME%-tls365.reg"
rem The parts go to a folder beside the output file (the account can write there; %TEMP% may not exist for it).
for %%F in ("%OUT%") do set "PARTS=%%~dpFtls365-export-%RANDOM%%RANDOM%"
mkdir "%PARTS%" >nul 2>&1
if not exist "%PARTS%\" (echo TLS365: cannot create "%PARTS%" & exit /b 1)
set /a N=100
reg export "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SYSTEM\CurrentControlSet\Control\ComputerName\ComputerName" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SYSTEM\CurrentControlSet\Control\ComputerName\ActiveComputerName" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SYSTEM\CurrentControlSet\Control\ProductOptions" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SYSTEM\CurrentControlSet\Control\Lsa\FipsAlgorithmPolicy" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SYSTEM\CurrentControlSet\Control\Cryptography\Configuration\Local\SSL\00010002" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKCU\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKCU\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\Microsoft\.NETFramework" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\WOW6432Node\Microsoft\.NETFramework" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\Microsoft\Updates" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\WOW6432Node\Microsoft\Updates" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\Setup" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\EdgeTransportRole" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\Microsoft\ExchangeServer\v14\Setup" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\Microsoft\SMS\Mobile Client" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
reg export "HKLM\SOFTWARE\Microsoft\Azure AD Connect" "%PARTS%\%N%.reg" /y /reg:64 >nul 2>&1
set /a N+=1
copy /b "%PARTS%\*.reg" "%OUT%" >nul 2>&1
if not exist "%OUT%" (echo TLS365: writing "%OUT%" failed & rmdir /s /q "%PARTS%" & exit /b 1)
rmdir /s /q "%PARTS%"
echo TLS365: wrote %OUT%. Evaluate it with: Get-Tls365Readiness -Path "%OUT%"
exit /b 0
