function Resolve-Tls365InputPath
{
    <#
    .SYNOPSIS
        The file-system paths one -Path or -LiteralPath item names: a wildcard pattern's matches, or the item.
    .DESCRIPTION
        Shared by the commands that take files. A -Path item with wildcard characters is expanded (file-system
        matches only, in Resolve-Path's order); any other item, and every -LiteralPath item, is taken as written,
        so [a].reg is that file. Returns nothing when nothing matches or the item does not exist: the caller
        says so in its own words. A foreach statement, not a pipeline: a pattern can match 10,000 images.
    .PARAMETER Item
        The path as the user gave it.
    .PARAMETER Literal
        Take the item as written, even with wildcard characters (-LiteralPath, Get-ChildItem objects).
    .PARAMETER Leaf
        Only an existing file counts for an item taken as written (a folder is not found).
    .EXAMPLE
        Resolve-Tls365InputPath -Item 'C:\images\*.reg'
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $Item,

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $Literal,

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $Leaf
    )

    if (-not $Literal -and [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($Item))
    {
        foreach ($match in @(Resolve-Path -Path $Item -ErrorAction SilentlyContinue))
        {
            if ($match.Provider.Name -eq 'FileSystem') { $match.ProviderPath }
        }
        return
    }
    $type = 'Any'
    if ($Leaf) { $type = 'Leaf' }
    if (Test-Path -LiteralPath $Item -PathType $type)
    {
        (Resolve-Path -LiteralPath $Item).ProviderPath
    }
}
