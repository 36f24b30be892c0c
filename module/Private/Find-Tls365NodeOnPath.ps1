function Find-Tls365NodeOnPath
{
    <#
    .SYNOPSIS
        The first node.exe (Windows) or node (elsewhere) in the PATH folders, in order; $null when there is none.
    .DESCRIPTION
        What Get-Command -Name node does, done by hand for the hosts where PowerShell's own lookup comes back empty
        (the Windows build of PowerShell under Wine cannot enumerate name.* in a folder). Empty and quoted PATH
        entries are handled as cmd.exe does.
    .EXAMPLE
        Find-Tls365NodeOnPath
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param ()

    $names = @('node')
    if ([System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT) { $names = @('node.exe') }
    foreach ($folder in ([System.String]$env:PATH).Split([System.IO.Path]::PathSeparator))
    {
        $folder = $folder.Trim().Trim([System.Char]34)
        if ([System.String]::IsNullOrEmpty($folder)) { continue }
        foreach ($name in $names)
        {
            $candidate = [System.IO.Path]::Combine($folder, $name)
            if ([System.IO.File]::Exists($candidate)) { return $candidate }
        }
    }
    $null
}
