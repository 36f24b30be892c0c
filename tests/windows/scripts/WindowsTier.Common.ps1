# Windows tier helpers, dot-sourced by the scripts in this folder (they run under the Windows pwsh in Wine).

# Every tree a TLS365 plan can write to (core/plan/targets), exported with Wine's reg.exe so the test can compare
# the bytes: the key itself, or a '.missing' marker when it does not exist (then it must not exist afterwards either).
$script:TouchedTrees = @(
    'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders'
    'HKLM\SOFTWARE\Microsoft\.NETFramework'
    'HKLM\SOFTWARE\WOW6432Node\Microsoft\.NETFramework'
    'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings'
    'HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Internet Settings'
    'HKLM\SOFTWARE\Policies'
    'HKCU\Software\Policies'
    'HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
)

function Test-TouchedTree
{
    # Whether the key exists, read through the Win32 registry (native view), not inferred from reg.exe's exit code.
    param ([System.String] $Tree)
    $root, $rest = $Tree.Split([System.Char[]]@([System.Char]92), 2)
    $hive = [Microsoft.Win32.RegistryHive]::LocalMachine
    if ($root -eq 'HKCU') { $hive = [Microsoft.Win32.RegistryHive]::CurrentUser }
    $base = [Microsoft.Win32.RegistryKey]::OpenBaseKey($hive, [Microsoft.Win32.RegistryView]::Registry64)
    try
    {
        $key = $base.OpenSubKey($rest, $false)
        if ($null -eq $key) { return $false }
        $key.Close()
        $true
    }
    finally { $base.Close() }
}

function Export-TouchedTree
{
    param ([System.String] $OutDir, [System.String] $Label)
    # Under Wine 8 PowerShell cannot find programs by bare name: the full path of reg.exe.
    $reg = Join-Path -Path ([System.Environment]::SystemDirectory) -ChildPath 'reg.exe'
    for ($i = 0; $i -lt $script:TouchedTrees.Count; $i++)
    {
        $file = Join-Path -Path $OutDir -ChildPath ('{0}-{1}.reg' -f $Label, $i)
        $tree = $script:TouchedTrees[$i]
        if (-not (Test-TouchedTree -Tree $tree))
        {
            Set-Content -LiteralPath (Join-Path -Path $OutDir -ChildPath ('{0}-{1}.missing' -f $Label, $i)) -Value $tree
            continue
        }
        # The key exists: an export that fails is the harness's failure (reg.exe under a loaded wineserver failed
        # once in CI and was taken for a missing key), so try again, then stop saying which export failed.
        $said = ''
        for ($try = 1; $try -le 3; $try++)
        {
            Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
            $said = (& $reg export $tree $file /y 2>&1 | Out-String).Trim()
            if ($LASTEXITCODE -eq 0 -and (Test-Path -LiteralPath $file)) { break }
            Start-Sleep -Milliseconds (500 * $try)
        }
        if (-not (Test-Path -LiteralPath $file)) { throw ('reg export {0} failed three times (exit {1}: {2}); the key exists' -f $tree, $LASTEXITCODE, $said) }
    }
}

function Get-ReadinessSummary
{
    param ($Readiness)
    [ordered]@{
        ComputerName   = $Readiness.ComputerName
        Source         = $Readiness.Source
        TypeName       = $Readiness.PSObject.TypeNames[0]
        Ready          = $Readiness.Ready
        Components     = @($Readiness.Components | ForEach-Object { '{0}={1}' -f $_.Name, $_.Status })
        Findings       = @($Readiness.Findings | Where-Object { @('Fail', 'Warn') -contains $_.Severity } | ForEach-Object { '{0}|{1}|{2}' -f $_.RuleId, (@($_.Component) -join ','), $_.Severity } | Sort-Object)
        MissingUpdates = @($Readiness.MissingUpdates | ForEach-Object { [System.String]$_ } | Sort-Object)
        NeedsUpdate    = @($Readiness.Findings | Where-Object { $_.Severity -eq 'Fail' -and $null -ne $_.Fix -and @($_.Fix.Updates).Count -gt 0 } | ForEach-Object { $_.RuleId })
        # Fail/Warn findings no registry value can fix: no fix, or a fix that names an update (as Findings spells them).
        Unfixable      = @($Readiness.Findings | Where-Object { @('Fail', 'Warn') -contains $_.Severity -and ($null -eq $_.Fix -or @($_.Fix.Updates).Count -gt 0) } | ForEach-Object { '{0}|{1}|{2}' -f $_.RuleId, (@($_.Component) -join ','), $_.Severity } | Sort-Object)
        Reasons        = @($Readiness.Components | Where-Object { $_.Status -eq 'Unknown' } | ForEach-Object { '{0}: {1}' -f $_.Name, $_.Reason })
        Endpoints      = @($Readiness.Findings | Where-Object { $null -ne $_.Endpoint } | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.RuleId, $_.Endpoint.Id, $_.Severity, $_.Endpoint.BreaksOn } | Sort-Object)
    }
}

function Write-Result
{
    param ([System.String] $OutDir, $Result)
    $json = ConvertTo-Json -InputObject $Result -Depth 8
    [System.IO.File]::WriteAllText((Join-Path -Path $OutDir -ChildPath 'result.json'), $json, (New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $false))
}
