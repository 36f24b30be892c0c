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

function Export-TouchedTree
{
    param ([System.String] $OutDir, [System.String] $Label)
    # Under Wine 8 PowerShell cannot find programs by bare name: the full path of reg.exe.
    $reg = Join-Path -Path ([System.Environment]::SystemDirectory) -ChildPath 'reg.exe'
    for ($i = 0; $i -lt $script:TouchedTrees.Count; $i++)
    {
        $file = Join-Path -Path $OutDir -ChildPath ('{0}-{1}.reg' -f $Label, $i)
        $null = & $reg export $script:TouchedTrees[$i] $file /y 2>&1
        if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $file))
        {
            Set-Content -LiteralPath (Join-Path -Path $OutDir -ChildPath ('{0}-{1}.missing' -f $Label, $i)) -Value $script:TouchedTrees[$i]
        }
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
        NeedsUpdate    = @($Readiness.Findings | Where-Object { $_.Severity -eq 'Fail' -and @($_.Fix.Updates).Count -gt 0 } | ForEach-Object { $_.RuleId })
        Reasons        = @($Readiness.Components | Where-Object { $_.Status -eq 'Unknown' } | ForEach-Object { '{0}: {1}' -f $_.Name, $_.Reason })
    }
}

function Write-Result
{
    param ([System.String] $OutDir, $Result)
    $json = ConvertTo-Json -InputObject $Result -Depth 8
    [System.IO.File]::WriteAllText((Join-Path -Path $OutDir -ChildPath 'result.json'), $json, (New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $false))
}
