function ConvertFrom-Tls365BridgeError
{
    <#
    .SYNOPSIS
        Turns a JSON-RPC error object from the bridge into an ErrorRecord with TLS365's id and category.
    .DESCRIPTION
        The code table is bridge/protocol.ts (ErrorCode): -32700 ParseError, -32600 InvalidRequest,
        -32601 MethodNotFound, -32602 InvalidParams, -32603 Internal, -32001 VersionMismatch,
        -32002 LineTooLong, -32003 HandshakeRequired.
    .PARAMETER RpcError
        The 'error' member of the reply.
    .PARAMETER Method
        The method that was called (the record's target).
    .EXAMPLE
        ConvertFrom-Tls365BridgeError -RpcError $reply.error -Method 'mask.decode'
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Object]
        $RpcError,

        [Parameter(Mandatory = $true)]
        [System.String]
        $Method
    )

    $table = @{
        '-32700' = @('ParseError', 'ProtocolError')
        '-32600' = @('InvalidRequest', 'ProtocolError')
        '-32601' = @('MethodNotFound', 'NotImplemented')
        '-32602' = @('InvalidParams', 'InvalidArgument')
        '-32603' = @('Internal', 'NotSpecified')
        '-32001' = @('VersionMismatch', 'InvalidOperation')
        '-32002' = @('LineTooLong', 'LimitsExceeded')
        '-32003' = @('HandshakeRequired', 'InvalidOperation')
    }
    $code = "$($RpcError.code)"
    $entry = $table[$code]
    if ($null -eq $entry) { $entry = @('Error', 'NotSpecified') }

    $message = $script:LocalizedData.Bridge_Error -f $Method, $RpcError.message
    if ($entry[0] -eq 'VersionMismatch' -and $null -ne $RpcError.PSObject.Properties['data'])
    {
        $message = $script:LocalizedData.Bridge_VersionMismatch -f $RpcError.data.bridge, $RpcError.data.module
    }
    New-Tls365ErrorRecord -Message $message -ErrorId ('TLS365.Bridge.' + $entry[0]) -Category $entry[1] -TargetObject $Method
}
