function Start-Tls365Bridge
{
    <#
    .SYNOPSIS
        Starts the Node bridge for this session and performs the version handshake.
    .DESCRIPTION
        Starts 'node dist/bridge/main.js' with fixed arguments (no user data on the command line, NODE_OPTIONS
        cleared), wires stdin/stdout as BOM-less UTF-8 (the wire is ASCII anyway) and drains stderr with a
        background read so the bridge can never block on a full pipe. Then sends 'hello' and checks the
        protocol version. Stores the bridge in $script:Bridge. Returns @{ Ok = $true } or
        @{ Ok = $false; Error = ErrorRecord; Terminating = $true } (Node missing or too old, bridge not
        built, protocol mismatch: conditions that no retry fixes).
    .EXAMPLE
        $started = Start-Tls365Bridge
    #>
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Private: starts the module''s own Node child process; nothing of the machine or the user changes.')]
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param ()

    $resolved = Resolve-Tls365Node
    if (-not $resolved.Ok) { return @{ Ok = $false; Error = $resolved.Error; Terminating = $true } }
    $node = $resolved.Value
    if (-not (Test-Path -LiteralPath $script:BridgeScriptPath -PathType Leaf))
    {
        $message = $script:LocalizedData.Bridge_NotBuilt -f $script:BridgeScriptPath
        return @{ Ok = $false; Terminating = $true; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.BridgeNotBuilt' -Category NotInstalled -TargetObject $script:BridgeScriptPath) }
    }

    $startInfo = New-Object -TypeName 'System.Diagnostics.ProcessStartInfo'
    $startInfo.FileName = $node
    $arguments = @('"{0}"' -f $script:BridgeScriptPath) + @($script:BridgeArguments)
    $startInfo.Arguments = $arguments -join ' '
    $startInfo.WorkingDirectory = $script:ModuleRoot
    $startInfo.UseShellExecute = $false
    $startInfo.CreateNoWindow = $true
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $utf8 = New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $false
    $startInfo.StandardOutputEncoding = $utf8
    $startInfo.StandardErrorEncoding = $utf8
    if ($startInfo.EnvironmentVariables.ContainsKey('NODE_OPTIONS')) { $startInfo.EnvironmentVariables.Remove('NODE_OPTIONS') }

    try
    {
        $process = [System.Diagnostics.Process]::Start($startInfo)
    }
    catch
    {
        $message = $script:LocalizedData.Bridge_StartFailed -f $script:BridgeScriptPath, $node, $_.Exception.Message
        return @{ Ok = $false; Terminating = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Bridge.StartFailed' -Category ResourceUnavailable -TargetObject $node -InnerException $_.Exception) }
    }

    # Requests are written as UTF-8 bytes to the raw stream: .NET Framework's redirected stdin would use
    # the console code page and may prepend a BOM.
    $writer = New-Object -TypeName 'System.IO.StreamWriter' -ArgumentList @($process.StandardInput.BaseStream, $utf8)
    $writer.NewLine = "`n"
    $writer.AutoFlush = $true

    $script:Bridge = @{
        Process     = $process
        Writer      = $writer
        StderrTask  = $process.StandardError.ReadToEndAsync()
        PendingRead = $null
        NextId      = 0
        Hello       = $null
    }
    Write-Verbose -Message ("TLS365 bridge: started process {0}: {1} {2}" -f $process.Id, $node, $startInfo.Arguments)

    $helloParams = @{
        protocol  = $script:BridgeProtocolVersion
        module    = $MyInvocation.MyCommand.Module.Version.ToString()
        psVersion = $PSVersionTable.PSVersion.ToString()
        psEdition = [System.String]$PSVersionTable['PSEdition']
    }
    $hello = Send-Tls365BridgeRequest -Method 'hello' -Params $helloParams -TimeoutSeconds 60
    if (-not $hello.Ok)
    {
        $null = Stop-Tls365Bridge -Kill
        $terminating = $hello.Error.FullyQualifiedErrorId -like 'TLS365.Bridge.VersionMismatch*'
        return @{ Ok = $false; Error = $hello.Error; Terminating = $terminating }
    }
    $script:Bridge.Hello = $hello.Value
    @{ Ok = $true }
}
