function Resolve-Tls365Node
{
    <#
    .SYNOPSIS
        Finds a Node.js that can run the bridge, or returns an ErrorRecord that says what was found and what is needed.
    .DESCRIPTION
        Looks at $env:TLS365_NODE first, then, on Windows, the Node the package carries (node\node.exe in the
        module folder, written by npm run package -- --windows), then 'node' on PATH (Get-Command, and if that finds nothing, each PATH
        folder in order for node.exe or node: PowerShell under Wine cannot find programs by bare name); runs it
        once with fixed arguments to read its version. The answer is cached for the session. Returns @{ Ok = $true; Value = path } or
        @{ Ok = $false; Error = ErrorRecord } (TLS365.NodeNotFound, TLS365.NodeTooOld); never throws.
    .EXAMPLE
        $node = Resolve-Tls365Node
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param ()

    if ($null -ne $script:ResolvedNode) { return @{ Ok = $true; Value = $script:ResolvedNode } }

    $candidate = $null
    $onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
    $bundled = Join-Path -Path (Join-Path -Path $script:ModuleRoot -ChildPath 'node') -ChildPath 'node.exe'
    if (-not [System.String]::IsNullOrEmpty($env:TLS365_NODE))
    {
        $candidate = $env:TLS365_NODE
        if (-not (Test-Path -LiteralPath $candidate -PathType Leaf))
        {
            $message = $script:LocalizedData.Node_NotFound -f $script:MinimumNodeVersion
            return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message ("TLS365_NODE='{0}' does not exist. {1}" -f $candidate, $message) -ErrorId 'TLS365.NodeNotFound' -Category ObjectNotFound -TargetObject $candidate) }
        }
    }
    elseif ($onWindows -and (Test-Path -LiteralPath $bundled -PathType Leaf))
    {
        # The Windows package's own Node: preferred to whatever node is on PATH, so the module runs on the Node it
        # was packaged and tested with.
        $candidate = $bundled
    }
    else
    {
        $command = Get-Command -Name 'node' -CommandType Application -ErrorAction Ignore | Select-Object -First 1
        if ($null -ne $command) { $candidate = $command.Source }
        else { $candidate = Find-Tls365NodeOnPath }
        if ([System.String]::IsNullOrEmpty($candidate))
        {
            $message = $script:LocalizedData.Node_NotFound -f $script:MinimumNodeVersion
            return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.NodeNotFound' -Category ObjectNotFound -TargetObject 'node') }
        }
    }

    # Node 20 does not start on Windows 7 / Server 2008 R2 and 8 / Server 2012 (6.1, 6.2) and is experimental on
    # 8.1 / 2012 R2 (6.3): said before it is tried, with the ways that need no Node on this machine. An admin who
    # set NODE_SKIP_PLATFORM_CHECK=1 has chosen to try anyway: warned, not stopped.
    $os = [System.Environment]::OSVersion
    if ($os.Platform -eq [System.PlatformID]::Win32NT -and $os.Version -lt (New-Object -TypeName 'System.Version' -ArgumentList 6, 3))
    {
        $message = $script:LocalizedData.Node_UnsupportedOS -f $os.Version, $script:MinimumNodeVersion
        if ($env:NODE_SKIP_PLATFORM_CHECK -ne '1')
        {
            return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.NodeUnsupportedOS' -Category NotImplemented -TargetObject ([System.String]$os.Version)) }
        }
        Write-Warning -Message $message
    }
    elseif ($os.Platform -eq [System.PlatformID]::Win32NT -and $os.Version.Major -eq 6 -and $os.Version.Minor -eq 3)
    {
        Write-Warning -Message ($script:LocalizedData.Node_ExperimentalOS -f $os.Version)
    }
    # Up to three tries: a cold start of node.exe has been seen to print nothing at all once (under Wine, about
    # once in forty runs), and a Node that is really unusable fails every time. Its stderr and exit code are kept
    # for the message (Node says itself why it will not start).
    $versionText = $null
    $version = $null
    $probe = $null
    for ($try = 1; $try -le 3 -and $null -eq $version; $try++)
    {
        $probe = Invoke-Tls365NodeProbe -Path $candidate
        $versionText = $probe.Stdout
        $parsed = $null
        if ($null -ne $versionText -and [System.Version]::TryParse(([System.String]$versionText).Trim(), [ref]$parsed)) { $version = $parsed }
    }
    if ($null -eq $version)
    {
        $said = "it printed '{0}'" -f "$versionText".Trim()
        if ($null -ne $probe.ExitCode) { $said += ', exit code {0}' -f $probe.ExitCode }
        if (-not [System.String]::IsNullOrEmpty($probe.Stderr)) { $said += '; its stderr: ' + $probe.Stderr }
        $message = $script:LocalizedData.Node_Unusable -f $candidate, $said
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.NodeNotFound' -Category ObjectNotFound -TargetObject $candidate) }
    }
    if ($version -lt $script:MinimumNodeVersion)
    {
        $message = $script:LocalizedData.Node_TooOld -f $candidate, $version, $script:MinimumNodeVersion
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.NodeTooOld' -Category NotInstalled -TargetObject $candidate) }
    }
    $script:ResolvedNode = $candidate
    @{ Ok = $true; Value = $candidate }
}
