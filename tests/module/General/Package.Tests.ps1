# npm run package: the installable module folder it writes, checked on disk and then imported BY NAME in a
# clean pwsh (no profile, working directory outside the repository, PSModulePath = the package's parent
# folder and $PSHOME/Modules only, NODE_PATH unset). The package has no dist/, so every answer the child
# gets comes from the bundled bridge; its verdicts must equal the repository module's.
# This file must parse on Windows PowerShell 5.1 as well.

BeforeAll {
    $repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    $repoManifestPath = Join-Path -Path $repoRoot -ChildPath 'TLS365.psd1'
    $manifest = Import-PowerShellDataFile -LiteralPath $repoManifestPath
    $declared = @($manifest['FunctionsToExport'] | Where-Object { $null -ne $_ })
    $examplesPath = Join-Path -Path $repoRoot -ChildPath 'examples'
    $node = 'node'
    if (-not [System.String]::IsNullOrEmpty($env:TLS365_NODE)) { $node = $env:TLS365_NODE }

    # The probe runs in the clean child against the package, and in this session against the repository,
    # so both sides are described by the same code. It writes what it saw as JSON to -ResultFile.
    $probePath = Join-Path -Path $TestDrive -ChildPath 'Probe-Tls365Package.ps1'
    Set-Content -LiteralPath $probePath -Encoding Ascii -Value @'
param ([System.String] $Module, [System.String] $ModulesPath, [System.String] $ExamplesPath, [System.String] $LogPath, [System.String] $ResultFile)
$ErrorActionPreference = 'Stop'
if ($ModulesPath) { $env:PSModulePath = $ModulesPath }
$result = [ordered]@{ Errors = @() }
try
{
    Import-Module -Name $Module -Force
    $loaded = Get-Module -Name 'TLS365'
    $result.ModuleBase = $loaded.ModuleBase
    $result.Commands = @(Get-Command -Module 'TLS365' | ForEach-Object { $_.Name } | Sort-Object)
    # Node-free first, so a broken bridge fails only the checks that need it.
    $result.HelpExamples = @((Get-Help -Name 'Get-Tls365Readiness' -Full).examples.example).Count
    $result.About = (Get-Help -Name 'about_TLS365' -ErrorAction SilentlyContinue | Out-String)
    $result.FormatData = @(Get-FormatData -TypeName 'TLS365.Readiness').Count
    $result.Mask = @(ConvertFrom-Tls365ProtocolMask 0xA80 -Layout WinHttp) -join ','
    $result.Readiness = @(
        foreach ($file in @(Get-ChildItem -LiteralPath $ExamplesPath -Filter '*.reg' | Sort-Object -Property Name))
        {
            $failures = @()
            $r = Get-Tls365Readiness -Path $file.FullName -ErrorAction SilentlyContinue -ErrorVariable failures
            [ordered]@{
                File     = $file.Name
                TypeName = @($r | ForEach-Object { $_.PSObject.TypeNames[0] }) -join ','
                Ready    = @($r | ForEach-Object { [System.String]$_.Ready }) -join ','
                Findings = @($r | ForEach-Object { $_.Findings } | ForEach-Object { '{0}:{1}' -f $_.RuleId, $_.Severity } | Sort-Object) -join ','
                Errors   = @($failures | ForEach-Object { $_.FullyQualifiedErrorId }) -join ','
                Table    = ($r | Out-String -Width 200)
            }
        }
    )
    $result.Legacy = @(Find-Tls365LegacyClient -Path $LogPath | ForEach-Object { '{0} {1} {2} {3:o} {4:o}' -f $_.ClientIp, $_.Protocol, $_.Count, $_.FirstSeen, $_.LastSeen } | Sort-Object)
    $result.Bridge = & $loaded {
        @{
            ScriptPath = $script:BridgeScriptPath
            Started    = ($null -ne $script:Bridge -and $null -ne $script:Bridge.Hello)
            Arguments  = $(if ($null -ne $script:Bridge) { $script:Bridge.Process.StartInfo.Arguments } else { '' })
        }
    }
    Remove-Module -Name 'TLS365'
}
catch
{
    $result.Errors += ('{0} ({1})' -f $_.Exception.Message, $_.FullyQualifiedErrorId)
}
Set-Content -LiteralPath $ResultFile -Encoding Ascii -Value (ConvertTo-Json -InputObject $result -Depth 6)
'@

    function Get-TestRelativeFile
    {
        # Every file under a folder, as forward-slash paths relative to it, sorted.
        param ([System.String] $Folder)
        $base = [System.IO.Path]::GetFullPath($Folder).TrimEnd('\', '/')
        @(Get-ChildItem -LiteralPath $Folder -Recurse -File | ForEach-Object { $_.FullName.Substring($base.Length + 1).Replace('\', '/') } | Sort-Object)
    }

    # An IIS log for the log scan: 3,000 records, every 7th TLS 1.0 and every 11th TLS 1.1, a #Fields change
    # half way. The clean child scans it on worker threads (TLS365_LOG_* below: 4 KB ranges from the first byte).
    $logPath = Join-Path -Path $TestDrive -ChildPath 'u_ex240501.log'
    $lines = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
    $lines.Add('#Software: Microsoft Internet Information Services 10.0')
    $lines.Add('#Fields: date time s-ip cs-method cs-uri-stem s-port c-ip cs(User-Agent) sc-status crypt-protocol')
    foreach ($i in 1..3000)
    {
        if ($i -eq 1500) { $lines.Add('#Fields: date time s-ip cs-method cs-uri-stem s-port c-ip cs(User-Agent) sc-status time-taken crypt-protocol') }
        $protocol = '400'
        if ($i % 7 -eq 0) { $protocol = '40' } elseif ($i % 11 -eq 0) { $protocol = '100' }
        $extra = ''
        if ($i -ge 1500) { $extra = ' 15' }
        $lines.Add(('2024-05-01 {0:d2}:{1:d2}:{2:d2} 10.0.0.5 GET /owa/ 443 10.1.{3}.{4} Outlook 200{5} {6}' -f [System.Int32][System.Math]::Floor($i / 3600), ([System.Int32][System.Math]::Floor($i / 60) % 60), ($i % 60), ($i % 3), ($i % 5), $extra, $protocol))
    }
    [System.IO.File]::WriteAllLines($logPath, $lines)

    # Build the package into TestDrive (package.js runs setup --quiet first, which is quick when up to date).
    $outDir = Join-Path -Path $TestDrive -ChildPath 'out'
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $packageOutput = (& $node (Join-Path -Path (Join-Path -Path $repoRoot -ChildPath 'scripts') -ChildPath 'package.js') '--out' $outDir 2>&1 | Out-String)
    $packageExit = $LASTEXITCODE
    $packageSeconds = $watch.Elapsed.TotalSeconds
    $modulesRoot = Join-Path -Path $outDir -ChildPath 'TLS365'
    $packageRoot = Join-Path -Path $modulesRoot -ChildPath $manifest['ModuleVersion']
    $packagedManifestPath = Join-Path -Path $packageRoot -ChildPath 'TLS365.psd1'
    $bundlePath = Join-Path -Path (Join-Path -Path $packageRoot -ChildPath 'bridge') -ChildPath 'tls365-bridge.js'
    $packageFiles = @()
    if (Test-Path -LiteralPath $packageRoot) { $packageFiles = Get-TestRelativeFile -Folder $packageRoot }

    # The clean child: started directly (no shell), its own working directory and environment.
    $pwsh = (Get-Command -Name 'pwsh' -CommandType Application | Select-Object -First 1).Source
    $childDir = Join-Path -Path $TestDrive -ChildPath 'cwd'
    $null = New-Item -ItemType Directory -Path $childDir -Force
    $childResultFile = Join-Path -Path $TestDrive -ChildPath 'package-probe.json'
    $childModulesPath = $outDir + [System.IO.Path]::PathSeparator + (Join-Path -Path $PSHOME -ChildPath 'Modules')
    $startInfo = New-Object -TypeName 'System.Diagnostics.ProcessStartInfo'
    $startInfo.FileName = $pwsh
    $startInfo.Arguments = (@('-NoProfile', '-NonInteractive', '-File', $probePath, '-Module', 'TLS365', '-ModulesPath', $childModulesPath, '-ExamplesPath', $examplesPath, '-LogPath', $logPath, '-ResultFile', $childResultFile) | ForEach-Object { '"{0}"' -f $_ }) -join ' '
    $startInfo.WorkingDirectory = $childDir
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.EnvironmentVariables['PSModulePath'] = $childModulesPath
    if ($startInfo.EnvironmentVariables.ContainsKey('NODE_PATH')) { $startInfo.EnvironmentVariables.Remove('NODE_PATH') }
    $startInfo.EnvironmentVariables['TLS365_LOG_WORKERS'] = '2'
    $startInfo.EnvironmentVariables['TLS365_LOG_MIN_BYTES'] = '0'
    $startInfo.EnvironmentVariables['TLS365_LOG_UNIT_BYTES'] = '4096'
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $child = [System.Diagnostics.Process]::Start($startInfo)
    $childStderr = $child.StandardError.ReadToEndAsync()
    $childStdout = $child.StandardOutput.ReadToEnd()
    if (-not $child.WaitForExit(300000)) { $child.Kill() }
    $childExit = $child.ExitCode
    $childOutput = $childStdout + $childStderr.Result
    $childSeconds = $watch.Elapsed.TotalSeconds
    $packaged = $null
    if (Test-Path -LiteralPath $childResultFile) { $packaged = Get-Content -LiteralPath $childResultFile -Raw | ConvertFrom-Json }

    # The same probe on the repository module, in this session.
    $repoResultFile = Join-Path -Path $TestDrive -ChildPath 'repo-probe.json'
    & $probePath -Module $repoManifestPath -ExamplesPath $examplesPath -LogPath $logPath -ResultFile $repoResultFile
    $fromRepo = Get-Content -LiteralPath $repoResultFile -Raw | ConvertFrom-Json
    Write-Host ('    package.js {0:N1} s, clean-pwsh import and probe {1:N1} s' -f $packageSeconds, $childSeconds)
}

AfterAll {
    Get-Module -Name 'TLS365' -All | Remove-Module -Force -ErrorAction SilentlyContinue
}

Describe 'npm run package' -Tag 'Package' {
    Context 'the folder it writes' {
        It 'exits 0 and says what it wrote' {
            $packageExit | Should -Be 0 -Because $packageOutput
            $packageOutput | Should -Match 'wrote .*\(\d+ files'
            $packageOutput | Should -Match 'tls365-bridge\.js\s+[0-9.]+ KB'
        }

        It 'writes TLS365/ModuleVersion/ with the manifest, module, bundle and about help' {
            foreach ($expected in @('TLS365.psd1', 'module/TLS365.psm1', 'module/TLS365.Format.ps1xml', 'module/en-US/TLS365.strings.psd1', 'bridge/tls365-bridge.js', 'en-US/about_TLS365.help.txt'))
            {
                $packageFiles | Should -Contain $expected
            }
        }

        It 'ships the manifest unchanged, so the exports are the same' {
            (Get-FileHash -LiteralPath $packagedManifestPath).Hash | Should -Be (Get-FileHash -LiteralPath $repoManifestPath).Hash
        }

        It 'ships every file of module/' {
            $inRepo = @(Get-TestRelativeFile -Folder (Join-Path -Path $repoRoot -ChildPath 'module') | ForEach-Object { 'module/' + $_ })
            $inPackage = @($packageFiles | Where-Object { $_ -like 'module/*' })
            Compare-Object -ReferenceObject $inRepo -DifferenceObject $inPackage | ForEach-Object { '{0} {1}' -f $_.SideIndicator, $_.InputObject } | Should -BeNullOrEmpty
        }

        It 'holds the bridge as one file (and its log-scan worker) and no node_modules, dist, TypeScript, source maps or tests' {
            @($packageFiles | Where-Object { $_ -like 'bridge/*' }) | Should -Be @('bridge/logs-worker.js', 'bridge/tls365-bridge.js')
            @(Get-ChildItem -LiteralPath $packageRoot -Recurse -Directory | Where-Object { @('node_modules', 'dist', 'tests') -contains $_.Name }) | Should -BeNullOrEmpty
            @($packageFiles | Where-Object { $_ -match '\.(ts|map)$' -or $_ -match '\.Tests\.ps1$' -or $_ -match '(^|/)package(-lock)?\.json$' }) | Should -BeNullOrEmpty
        }

        It 'bundles a bridge and a worker that require Node built-ins only, and never edge-js (<Name>)' -TestCases @(@{ Name = 'tls365-bridge.js' }, @{ Name = 'logs-worker.js' }) {
            param ($Name)
            $text = Get-Content -LiteralPath (Join-Path -Path (Join-Path -Path $packageRoot -ChildPath 'bridge') -ChildPath $Name) -Raw
            $required = @([System.Text.RegularExpressions.Regex]::Matches($text, 'require\(\s*["'']([^"'']+)["'']\s*\)') | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique)
            $builtins = @((& $node -p "require('node:module').builtinModules.join(',')") -split ',')
            $required | Should -Not -BeNullOrEmpty
            @($required | Where-Object { $_ -notlike 'node:*' -and $builtins -notcontains $_ }) | Should -BeNullOrEmpty
            $text | Should -Not -Match 'require\(\s*["'']edge-js'
        }

        It 'has a manifest that passes Test-ModuleManifest' {
            { $null = Test-ModuleManifest -Path $packagedManifestPath -ErrorAction Stop } | Should -Not -Throw
        }
    }

    Context 'Import-Module TLS365 by name in a clean pwsh' {
        It 'runs without errors' {
            $childExit | Should -Be 0 -Because $childOutput
            $packaged | Should -Not -BeNullOrEmpty -Because $childOutput
            @($packaged.Errors) | Should -BeNullOrEmpty
        }

        It 'loads the package, not the repository' {
            $packaged.ModuleBase | Should -Be ([System.IO.Path]::GetFullPath($packageRoot).TrimEnd('\', '/'))
        }

        It 'exports exactly the manifest''s functions' {
            Compare-Object -ReferenceObject $declared -DifferenceObject @($packaged.Commands) -CaseSensitive | ForEach-Object { '{0} {1}' -f $_.SideIndicator, $_.InputObject } | Should -BeNullOrEmpty
        }

        It 'decodes 0xA80 in the WinHttp layout as Tls10, Tls11, Tls12' {
            $packaged.Mask | Should -BeExactly 'Tls10,Tls11,Tls12'
        }

        It 'answers through the bundled bridge' {
            [System.IO.Path]::GetFullPath($packaged.Bridge.ScriptPath) | Should -Be ([System.IO.Path]::GetFullPath($bundlePath))
            $packaged.Bridge.Started | Should -BeTrue
            $packaged.Bridge.Arguments | Should -Match ([System.Text.RegularExpressions.Regex]::Escape('tls365-bridge.js'))
        }

        It 'returns TLS365.Readiness objects with the repository module''s verdicts for every example' {
            @($packaged.Readiness).Count | Should -BeGreaterThan 0
            @($packaged.Readiness).Count | Should -Be @($fromRepo.Readiness).Count
            @($packaged.Readiness | Where-Object { $_.Ready -ne '' }).Count | Should -BeGreaterThan 0
            foreach ($item in @($packaged.Readiness))
            {
                $twin = @($fromRepo.Readiness | Where-Object { $_.File -eq $item.File })[0]
                if ($item.Ready -ne '') { $item.TypeName | Should -BeExactly 'TLS365.Readiness' -Because $item.File }
                '{0} Ready={1} Findings={2} Errors={3}' -f $item.File, $item.Ready, $item.Findings, $item.Errors |
                    Should -BeExactly ('{0} Ready={1} Findings={2} Errors={3}' -f $twin.File, $twin.Ready, $twin.Findings, $twin.Errors)
            }
        }

        It 'finds the same legacy clients as the repository module, scanning on worker threads' {
            @($packaged.Legacy).Count | Should -BeGreaterThan 10
            @($packaged.Legacy) | Should -Be @($fromRepo.Legacy)
        }

        It 'formats TLS365.Readiness with the module''s view' {
            $packaged.FormatData | Should -BeGreaterThan 0
            $shown = @($packaged.Readiness | Where-Object { $_.Ready -ne '' })[0].Table
            $shown | Should -Match 'ComputerName\s+Ready\s+OS\s+Build\s+NotReady'
        }

        It 'has full help with examples for Get-Tls365Readiness' {
            $packaged.HelpExamples | Should -BeGreaterThan 0
        }

        It 'has about_TLS365, naming every exported command' {
            $packaged.About | Should -Match 'about_TLS365'
            foreach ($name in $declared) { $packaged.About | Should -Match ([System.Text.RegularExpressions.Regex]::Escape($name)) }
        }
    }
}

# Installed the way modules are installed (issue 15, item 3): Publish-PSResource to a local file repository,
# Install-PSResource into a clean CurrentUser scope (a child pwsh whose HOME and XDG folders are in TestDrive, so
# neither the repository list nor the installed module touches this machine's), then a second fresh child that
# imports TLS365 by name from there and evaluates the examples. PSResourceGet ships with PowerShell 7.4 and later.
Describe 'Publish-PSResource and Install-PSResource (a local file repository)' -Tag 'Package' {
    BeforeAll {
        $script:psResourceGet = $null -ne (Get-Module -ListAvailable -Name 'Microsoft.PowerShell.PSResourceGet')
        $home1 = Join-Path -Path $TestDrive -ChildPath 'psrg-home'
        $repoDir = Join-Path -Path $TestDrive -ChildPath 'psrg-repo'
        $null = New-Item -ItemType Directory -Path $home1, $repoDir -Force
        $installScript = Join-Path -Path $TestDrive -ChildPath 'Install-Tls365Package.ps1'
        Set-Content -LiteralPath $installScript -Encoding Ascii -Value @'
param ([System.String] $PackageRoot, [System.String] $RepositoryPath, [System.String] $ResultFile)
$ErrorActionPreference = 'Stop'
$result = [ordered]@{ Errors = @() }
try
{
    Register-PSResourceRepository -Name 'TLS365Test' -Uri $RepositoryPath -Trusted
    Publish-PSResource -Path $PackageRoot -Repository 'TLS365Test'
    $result.Nupkg = @(Get-ChildItem -LiteralPath $RepositoryPath -Filter '*.nupkg' | ForEach-Object { $_.Name })
    $found = Find-PSResource -Name 'TLS365' -Repository 'TLS365Test'
    $result.Found = [ordered]@{ Name = $found.Name; Version = [System.String]$found.Version; Tags = @($found.Tags); LicenseUri = [System.String]$found.LicenseUri; ReleaseNotes = [System.String]$found.ReleaseNotes; Author = $found.Author }
    Install-PSResource -Name 'TLS365' -Repository 'TLS365Test' -Scope CurrentUser -TrustRepository
    $result.Installed = @(Get-InstalledPSResource -Name 'TLS365' -Scope CurrentUser | ForEach-Object { $_.InstalledLocation })
}
catch { $result.Errors += ('{0} ({1})' -f $_.Exception.Message, $_.FullyQualifiedErrorId) }
Set-Content -LiteralPath $ResultFile -Encoding Ascii -Value (ConvertTo-Json -InputObject $result -Depth 5)
'@
        $useScript = Join-Path -Path $TestDrive -ChildPath 'Use-Tls365Package.ps1'
        Set-Content -LiteralPath $useScript -Encoding Ascii -Value @'
param ([System.String] $ExamplesPath, [System.String] $ResultFile)
$ErrorActionPreference = 'Stop'
$result = [ordered]@{ Errors = @() }
try
{
    Import-Module -Name 'TLS365'
    $result.ModuleBase = (Get-Module -Name 'TLS365').ModuleBase
    $result.Verdicts = @(Get-ChildItem -LiteralPath $ExamplesPath -Filter 'ws20*.reg' | Where-Object { $_.Name -notlike '*broken*' } | Sort-Object -Property Name | Get-Tls365Readiness | ForEach-Object { '{0} {1} {2}' -f $_.PSObject.TypeNames[0], $_.ComputerName, $_.Ready })
}
catch { $result.Errors += ('{0} ({1})' -f $_.Exception.Message, $_.FullyQualifiedErrorId) }
Set-Content -LiteralPath $ResultFile -Encoding Ascii -Value (ConvertTo-Json -InputObject $result -Depth 5)
'@
        # Each step in its own pwsh, started directly, with the clean home; nothing of this session's PSModulePath.
        $runChild = {
            param ([System.String[]] $Arguments)
            $startInfo = New-Object -TypeName 'System.Diagnostics.ProcessStartInfo'
            $startInfo.FileName = $pwsh
            $startInfo.Arguments = (@('-NoProfile', '-NonInteractive', '-File') + $Arguments | ForEach-Object { '"{0}"' -f $_ }) -join ' '
            $startInfo.WorkingDirectory = $childDir
            $startInfo.UseShellExecute = $false
            $startInfo.RedirectStandardOutput = $true
            $startInfo.RedirectStandardError = $true
            foreach ($name in @('HOME', 'USERPROFILE')) { $startInfo.EnvironmentVariables[$name] = $home1 }
            # No XDG_* folders: pwsh takes its user module folder from XDG_DATA_HOME when set, PSResourceGet 1.2
            # always installs under HOME/.local/share, so with XDG_DATA_HOME set the two disagree.
            foreach ($name in @('PSModulePath', 'NODE_PATH', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME')) { if ($startInfo.EnvironmentVariables.ContainsKey($name)) { $startInfo.EnvironmentVariables.Remove($name) } }
            $p = [System.Diagnostics.Process]::Start($startInfo)
            $err = $p.StandardError.ReadToEndAsync()
            $out = $p.StandardOutput.ReadToEnd()
            if (-not $p.WaitForExit(300000)) { $p.Kill() }
            @{ Exit = $p.ExitCode; Output = $out + $err.Result }
        }
        if ($script:psResourceGet)
        {
            $installResult = Join-Path -Path $TestDrive -ChildPath 'install.json'
            $script:installRun = & $runChild @($installScript, '-PackageRoot', $packageRoot, '-RepositoryPath', $repoDir, '-ResultFile', $installResult)
            $script:install = $null
            if (Test-Path -LiteralPath $installResult) { $script:install = Get-Content -LiteralPath $installResult -Raw | ConvertFrom-Json }
            $useResult = Join-Path -Path $TestDrive -ChildPath 'use.json'
            $script:useRun = & $runChild @($useScript, '-ExamplesPath', $examplesPath, '-ResultFile', $useResult)
            $script:use = $null
            if (Test-Path -LiteralPath $useResult) { $script:use = Get-Content -LiteralPath $useResult -Raw | ConvertFrom-Json }
            Import-Module -Name $repoManifestPath -Force
            $script:expected = @(Get-ChildItem -LiteralPath $examplesPath -Filter 'ws20*.reg' | Where-Object { $_.Name -notlike '*broken*' } | Sort-Object -Property Name | Get-Tls365Readiness -ErrorAction SilentlyContinue | ForEach-Object { '{0} {1} {2}' -f $_.PSObject.TypeNames[0], $_.ComputerName, $_.Ready })
        }
    }

    It 'publishes the package folder as it is, with the manifest''s metadata' {
        if (-not $script:psResourceGet) { Set-ItResult -Skipped -Because 'Microsoft.PowerShell.PSResourceGet is not available in this PowerShell (it ships with 7.4 and later)'; return }
        $script:installRun.Exit | Should -Be 0 -Because $script:installRun.Output
        @($script:install.Errors) | Should -BeNullOrEmpty
        $script:install.Nupkg | Should -Be @('TLS365.{0}.nupkg' -f $manifest['ModuleVersion'])
        $script:install.Found.Version | Should -Be $manifest['ModuleVersion']
        $script:install.Found.Author | Should -Be $manifest['Author']
        foreach ($tag in @('TLS12', 'Microsoft365', 'SChannel', 'PSEdition_Desktop', 'PSEdition_Core')) { @($script:install.Found.Tags) | Should -Contain $tag }
        $script:install.Found.LicenseUri | Should -Match '^https://'
        $script:install.Found.ReleaseNotes | Should -Match 'Readiness'
    }

    It 'installs it into the clean CurrentUser scope, and a fresh pwsh imports TLS365 by name from there and gives the repository module''s verdicts' {
        if (-not $script:psResourceGet) { Set-ItResult -Skipped -Because 'Microsoft.PowerShell.PSResourceGet is not available in this PowerShell (it ships with 7.4 and later)'; return }
        @($script:install.Installed) | Should -HaveCount 1
        [System.String]$script:install.Installed[0] | Should -BeLike ($home1 + '*')
        $script:useRun.Exit | Should -Be 0 -Because $script:useRun.Output
        @($script:use.Errors) | Should -BeNullOrEmpty
        [System.String]$script:use.ModuleBase | Should -BeLike ($home1 + '*')
        $script:expected.Count | Should -BeGreaterThan 3
        @($script:use.Verdicts) | Should -Be $script:expected
    }
}

Describe 'npm run package -- --windows: the module with its own Node for Windows' -Tag 'Package' {
    BeforeAll {
        $windowsOut = Join-Path -Path $TestDrive -ChildPath 'out-windows'
        $script:windowsOutput = (& $node (Join-Path -Path (Join-Path -Path $repoRoot -ChildPath 'scripts') -ChildPath 'package.js') '--windows' '--out' $windowsOut 2>&1 | Out-String)
        $script:windowsExit = $LASTEXITCODE
        $script:windowsRoot = Join-Path -Path (Join-Path -Path $windowsOut -ChildPath 'TLS365') -ChildPath $manifest['ModuleVersion']
    }

    It 'adds node/node.exe (a Windows executable) and its notice to the same files, and says so in about_TLS365' {
        $script:windowsExit | Should -Be 0 -Because $script:windowsOutput
        $script:windowsOutput | Should -Match 'node/node\.exe\s+[0-9.]+ KB: Node\.js 20\.'
        $files = Get-TestRelativeFile -Folder $script:windowsRoot
        Compare-Object -ReferenceObject ($packageFiles + @('node/NOTICE.txt', 'node/node.exe')) -DifferenceObject $files | ForEach-Object { '{0} {1}' -f $_.SideIndicator, $_.InputObject } | Should -BeNullOrEmpty
        $exe = [System.IO.File]::ReadAllBytes((Join-Path -Path (Join-Path -Path $script:windowsRoot -ChildPath 'node') -ChildPath 'node.exe'))
        [System.Text.Encoding]::ASCII.GetString($exe, 0, 2) | Should -Be 'MZ'
        $exe.Length | Should -BeGreaterThan 20MB
        Get-Content -LiteralPath (Join-Path -Path (Join-Path -Path $script:windowsRoot -ChildPath 'node') -ChildPath 'NOTICE.txt') -Raw | Should -Match 'MIT'
        Get-Content -LiteralPath (Join-Path -Path (Join-Path -Path $script:windowsRoot -ChildPath 'en-US') -ChildPath 'about_TLS365.help.txt') -Raw | Should -Match 'node/node\.exe'
    }

    It 'leaves Node out of the default package, and ships the licence in both' {
        @($packageFiles | Where-Object { $_ -like 'node/*' }) | Should -BeNullOrEmpty
        $packageFiles | Should -Contain 'LICENSE'
    }
}
