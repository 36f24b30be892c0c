function Invoke-Tls365NodeProbe
{
    <#
    .SYNOPSIS
        Runs a Node.js candidate once with fixed arguments and returns what it printed on each stream.
    .DESCRIPTION
        Starts '<Path> -p process.versions.node' as a process (no shell), reads stdout and stderr apart and waits
        at most 30 seconds. Returns @{ Stdout; Stderr (trimmed, at most 500 characters); ExitCode ($null when it
        did not start or did not end) }. Never throws and writes nothing to the error stream: a program that is
        not Node is data for the caller's message.
    .PARAMETER Path
        The program to run.
    .EXAMPLE
        (Invoke-Tls365NodeProbe -Path 'C:\Program Files\nodejs\node.exe').Stdout
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $Path
    )

    $start = New-Object -TypeName 'System.Diagnostics.ProcessStartInfo'
    $start.FileName = $Path
    $start.Arguments = '-p process.versions.node'
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.CreateNoWindow = $true
    $process = $null
    try
    {
        $process = [System.Diagnostics.Process]::Start($start)
    }
    catch
    {
        return @{ Stdout = $null; Stderr = $_.Exception.Message; ExitCode = $null }
    }
    $outTask = $process.StandardOutput.ReadToEndAsync()
    $errTask = $process.StandardError.ReadToEndAsync()
    $code = $null
    if ($process.WaitForExit(30000)) { $code = $process.ExitCode }
    else { try { $process.Kill() } catch { $null = $_ } }
    $stdout = $null
    $stderr = ''
    if ($outTask.Wait(2000)) { $stdout = ($outTask.Result -split "`r?`n" | Where-Object { $_ -ne '' } | Select-Object -First 1) }
    if ($errTask.Wait(2000)) { $stderr = $errTask.Result.Trim() }
    if ($stderr.Length -gt 500) { $stderr = $stderr.Substring(0, 500) + '...' }
    $process.Dispose()
    @{ Stdout = $stdout; Stderr = $stderr; ExitCode = $code }
}
