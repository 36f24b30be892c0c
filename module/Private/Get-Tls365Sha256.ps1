function Get-Tls365Sha256
{
    <#
    .SYNOPSIS
        The SHA-256 of bytes, as lower-case hex: what a TLS365.ChangeResult's BackupHash records and Undo-Tls365Change checks.
    .PARAMETER Bytes
        The bytes (a backup file's content).
    .EXAMPLE
        Get-Tls365Sha256 -Bytes ([System.IO.File]::ReadAllBytes($backup))
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param ([Parameter(Mandatory = $true)] [AllowEmptyCollection()] [System.Byte[]] $Bytes)
    $sha = [System.Security.Cryptography.SHA256]::Create()
    try { -join ($sha.ComputeHash($Bytes) | ForEach-Object { $_.ToString('x2') }) } finally { $sha.Dispose() }
}
