<#
.SYNOPSIS
    The quick-start demo: decodes the sample masks in examples/sample-masks.csv with the TLS365 module.
#>
[CmdletBinding()]
param ()

Import-Module -Name (Join-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -ChildPath 'TLS365.psd1') -Force
$samples = Join-Path -Path $PSScriptRoot -ChildPath 'sample-masks.csv'

Write-Output "Decoding $samples"
Import-Csv -LiteralPath $samples |
    ConvertFrom-Tls365ProtocolMask -Detailed -ErrorVariable maskErrors -ErrorAction SilentlyContinue |
    Format-Table -AutoSize |
    Out-String -Width 200

foreach ($e in $maskErrors)
{
    Write-Output ("Refused {0}: {1} [{2}]" -f $e.TargetObject, $e.Exception.Message, $e.FullyQualifiedErrorId)
}

Write-Output ''
Write-Output ("Tls12 + Tls13 for WinHTTP DefaultSecureProtocols: {0}" -f (ConvertTo-Tls365ProtocolMask -Protocol Tls12, Tls13 -AsHex))
