# TLS365 root module: loads strings, dot-sources Private/ then Public/, and stops the bridge on removal.
# Importing never starts Node: the bridge starts on the first command that needs the rules.
Set-StrictMode -Version 2.0

$script:ModuleRoot = Split-Path -Path $PSScriptRoot -Parent

$localizedData = $null
try
{
    Import-LocalizedData -BindingVariable 'localizedData' -FileName 'TLS365.strings.psd1' -BaseDirectory $PSScriptRoot -ErrorAction Stop
}
catch
{
    Import-LocalizedData -BindingVariable 'localizedData' -FileName 'TLS365.strings.psd1' -BaseDirectory $PSScriptRoot -UICulture 'en-US'
}
$script:LocalizedData = $localizedData

# The words the parameters accept, generated from the core's lists (npm run build && node scripts/module-data.js).
$script:Vocabulary = Import-PowerShellDataFile -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath 'TLS365.Vocabulary.psd1')
# Every public object's properties and types, generated from core/public-objects.ts (New-Tls365PublicObject).
$script:PublicObjects = Import-PowerShellDataFile -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath 'TLS365.PublicObjects.psd1')

foreach ($folder in @('Private', 'Public'))
{
    $folderPath = Join-Path -Path $PSScriptRoot -ChildPath $folder
    foreach ($file in @(Get-ChildItem -Path $folderPath -Filter '*.ps1' -File | Sort-Object -Property Name))
    {
        . $file.FullName
    }
}

# Tab completion for every exported parameter checked against the vocabulary. The script block is made here, so
# it runs in the module's scope and sees its private functions (an [ArgumentCompleter()] attribute's does not).
$vocabularyCompleter = {
    param ($commandName, $parameterName, $wordToComplete)
    Get-Tls365VocabularyCompletion -CommandName $commandName -ParameterName $parameterName -WordToComplete $wordToComplete
}
foreach ($file in @(Get-ChildItem -Path (Join-Path -Path $PSScriptRoot -ChildPath 'Public') -Filter '*.ps1' -File))
{
    $command = Get-Command -Name $file.BaseName -CommandType Function
    foreach ($parameter in $command.Parameters.Values)
    {
        if ($null -ne (Get-Tls365VocabularyName -Parameter $parameter))
        {
            Register-ArgumentCompleter -CommandName $command.Name -ParameterName $parameter.Name -ScriptBlock $vocabularyCompleter
        }
    }
}

# Bridge settings. Tests override them with InModuleScope; users never need to.
# A packaged module (npm run package) ships one bundled bridge; the source tree, which has package.json,
# runs the tsc output in dist/ unless a bundle is there.
$script:BridgeScriptPath = Join-Path -Path (Join-Path -Path $script:ModuleRoot -ChildPath 'bridge') -ChildPath 'tls365-bridge.js'
if (-not (Test-Path -LiteralPath $script:BridgeScriptPath -PathType Leaf) -and (Test-Path -LiteralPath (Join-Path -Path $script:ModuleRoot -ChildPath 'package.json') -PathType Leaf))
{
    $script:BridgeScriptPath = Join-Path -Path (Join-Path -Path (Join-Path -Path $script:ModuleRoot -ChildPath 'dist') -ChildPath 'bridge') -ChildPath 'main.js'
}
$script:BridgeArguments = @()
# The collector Get-Tls365Readiness sends to remote machines. Tests point it at a fixture that wraps the real
# collector with -RegistryImage (the SSH test hosts have no registry); results then say Source = Image.
$script:CollectorPath = Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath 'Collector') -ChildPath 'Get-Tls365Snapshot.ps1'
$script:BridgeTimeoutSeconds = 300
$script:BridgeProtocolVersion = 1
$script:BridgeBatchSize = 1000
$script:ReadinessBatchSize = 50
# Requests are also sized by bytes: at most this much estimated JSON per batch, and never more than a quarter of
# the line limit the bridge announces (Get-Tls365BatchBudget), so a batch of large snapshots cannot be refused whole.
$script:ReadinessBatchBytes = 16MB
$script:MinimumNodeVersion = [System.Version]'20.0.0'
$script:Bridge = $null
$script:ResolvedNode = $null
$script:BridgeFailures = New-Object -TypeName 'System.Collections.Generic.List[System.DateTime]'

$ExecutionContext.SessionState.Module.OnRemove = {
    Stop-Tls365Bridge
}
