function Start-Tls365Bridge
{
    <#
    .SYNOPSIS
        Starts the Node bridge for this session and performs the version handshake.
    .DESCRIPTION
        Starts 'node dist/bridge/main.js' with fixed arguments (no user data on the command line, NODE_OPTIONS
        cleared), wires stdin/stdout as BOM-less UTF-8 (the wire is ASCII anyway) and drains stderr on a
        background read so the bridge can never block on a full pipe. Then sends 'hello' and checks the
        protocol version. Stores the bridge in $script:Bridge and returns it.
    .EXAMPLE
        $bridge = Start-Tls365Bridge
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param ()

    $node = Resolve-Tls365Node

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
        throw (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Bridge.StartFailed' -Category ResourceUnavailable -TargetObject $node -InnerException $_.Exception)
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
    try
    {
        $script:Bridge.Hello = Send-Tls365BridgeRequest -Method 'hello' -Params $helloParams -TimeoutSeconds 60
    }
    catch
    {
        $record = $_
        $null = Stop-Tls365Bridge -Kill
        throw $record
    }
    $script:Bridge
}
