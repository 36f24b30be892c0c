function Remove-Tls365CreatedKey
{
    <#
    .SYNOPSIS
        Deletes a key that Set-Tls365Protocols created, if it is empty again; returns @{ Ok; Message } (never throws).
    .DESCRIPTION
        A key that is already gone is fine. A key that now holds values or subkeys that TLS365 did not write is
        left in place and reported (Ok = $false), never deleted with what it holds.
    .PARAMETER Hive
        LocalMachine or CurrentUser.
    .PARAMETER Key
        The key below the hive.
    .EXAMPLE
        Remove-Tls365CreatedKey -Hive LocalMachine -Key 'SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings'
    #>
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Private: one step of a change or undo that Set-Tls365Protocols or Undo-Tls365Change approved with ShouldProcess; asking again would prompt twice.')]
    [CmdletBinding()]
    param ([Parameter(Mandatory = $true)] [System.String] $Hive, [Parameter(Mandatory = $true)] [System.String] $Key)
    # InvokeReturnAsIs with the try/catch inside: a registry refusal is an answer, and its exception does not reach
    # the caller's -ErrorVariable (a try/catch in the function itself would not stop that).
    $guarded = {
        try
        {
            $base = Get-Tls365RegistryBase -Hive $Hive
            try
            {
                $k = $base.OpenSubKey($Key, $false)
                if ($null -eq $k) { return @{ Ok = $true; Message = '' } }
                try
                {
                    $values = @($k.GetValueNames()).Count
                    $subKeys = @($k.GetSubKeyNames()).Count
                }
                finally { $k.Close() }
                if ($values -gt 0 -or $subKeys -gt 0)
                {
                    return @{ Ok = $false; Message = ($script:LocalizedData.Remediation_CreatedKeyNotEmpty -f $values, $subKeys) }
                }
                $base.DeleteSubKey($Key, $false)
            }
            finally { $base.Close() }
            @{ Ok = $true; Message = '' }
        }
        catch
        {
            @{ Ok = $false; Message = (Get-Tls365InnerMessage -Exception $_.Exception) }
        }
    }
    $guarded.InvokeReturnAsIs()
}
