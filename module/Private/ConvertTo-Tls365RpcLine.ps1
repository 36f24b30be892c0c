function ConvertTo-Tls365RpcLine
{
    <#
    .SYNOPSIS
        Serialises a JSON-RPC message as one ASCII line, as the bridge protocol requires.
    .DESCRIPTION
        ConvertTo-Json -Compress never emits a raw newline; every character above 0x7E is then written as a
        \uXXXX escape, so no code page or BOM can alter it on Windows PowerShell 5.1 or PowerShell 7.
    .PARAMETER InputObject
        The message (a hashtable or object).
    .EXAMPLE
        ConvertTo-Tls365RpcLine -InputObject @{ jsonrpc = '2.0'; id = 1; method = 'mask.decode'; params = @{ items = @() } }
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Object]
        $InputObject
    )

    $json = ConvertTo-Json -InputObject $InputObject -Compress -Depth 20
    $evaluator = [System.Text.RegularExpressions.MatchEvaluator] {
        param ($match)
        '\u{0:x4}' -f [System.Int32][System.Char]$match.Value
    }
    [System.Text.RegularExpressions.Regex]::Replace($json, '[^\x00-\x7E]', $evaluator)
}
