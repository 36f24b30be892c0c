# Every sentence the module shows a user, keyed <Area>_<Condition>. Format placeholders are {0}, {1}, ...
ConvertFrom-StringData @'
Node_NotFound = Node.js was not found (looked for $env:TLS365_NODE, then 'node' on PATH). TLS365 evaluates rules with Node.js {0} or later: install it, or set TLS365_NODE to node's full path. Commands that do not need Node: Get-Help, Get-Command -Module TLS365.
Node_TooOld = Node.js {1} found at '{0}' is too old; TLS365 needs {2} or later.
Node_Unusable = '{0}' did not run as Node.js ({1}).
Node_UnsupportedOS = This is Windows {0} (Windows 7 / Server 2008 R2 or Windows 8 / Server 2012), where Node.js {1} and later do not run, so TLS365 cannot evaluate here. Evaluate this machine from another one: Get-Tls365Readiness -ComputerName <this machine> from an admin workstation, or run the collector alone here (module\\Collector\\Get-Tls365Snapshot.ps1 -OutFile <file>, PowerShell 3.0 or later, no Node) and evaluate the file elsewhere with Get-Tls365Readiness -Path <file>.
Node_ExperimentalOS = This is Windows {0} (Windows 8.1 / Server 2012 R2): Node.js support for it is experimental. If the bridge fails to start, evaluate this machine from another one (Get-Tls365Readiness -ComputerName), or collect a snapshot with module\\Collector\\Get-Tls365Snapshot.ps1 and evaluate it with -Path.
Bridge_NotBuilt = The TLS365 bridge is not built: '{0}' is missing. In the source tree run 'npm run setup' (or 'npm run build'); a packaged module ships it, so reinstall the package (built by 'npm run package').
Bridge_StartFailed = Could not start the TLS365 bridge '{0}' with '{1}': {2}
Bridge_Exited = The TLS365 bridge exited (code {0}) while answering {1}; the request was not completed.{2}
Bridge_Timeout = The TLS365 bridge made no progress on {0} for {1} seconds; it was stopped and will be restarted on the next call.
Bridge_VersionMismatch = The TLS365 bridge speaks protocol {0} but this module speaks {1}: the module and its bridge come from different versions. In the source tree rebuild with 'npm run build'; a packaged module: reinstall the package.
Bridge_Error = The TLS365 bridge refused {0}: {1}
Bridge_BadReply = The TLS365 bridge sent a line that is not a JSON-RPC reply: {0}
Bridge_RestartLimit = The TLS365 bridge died {0} times within {1} seconds; not restarting it again in this session. Last failure: {2}
Mask_NoValueProperty = A {0} is not a mask and has none of the properties {1}.
Readiness_NotFound = Cannot find the image file '{0}'.
Readiness_NoMatch = No file matches '{0}'.
Collect_NotWindows = The live registry can only be read on Windows (this is {0}). Evaluate registry images instead: Get-Tls365Readiness -Path <file.reg or snapshot.json>.
Collect_Failed = The TLS365 collector failed on {0}: {1}
Log_NotFound = No log file or folder matches '{0}'.
Remediation_BridgeLost = {0}: {1} The image is either as it was or fully changed (it is replaced in one step, never cut); if it changed, its backup is {2} (Undo-Tls365Change -BackupPath '{2}').
Log_BridgeDied = {0}: the bridge stopped while reading this file, so it was not scanned ({1}) Scan it alone to see whether it stops the bridge again; the other {2} file(s) were scanned again without it.
Log_Malformed = {0} log line(s) could not be read and were skipped; the first: {1}
Log_NoTlsField = TLS365-DISC-002: site '{0}' logged {1} HTTPS request(s) without the crypt-protocol field, so their TLS version is unknown. Add the IIS custom fields crypt-protocol, crypt-cipher, crypt-hash and crypt-keyexchange (Windows Server 2012 R2 and 2016 need KB4025335 / KB4025334). Files: {2}
Remediation_Update = {0}: {1} is needed by {2} and TLS365 cannot install it; registry changes alone do not make them ready: {3}
Remediation_Declined = {0}: {1} of {2} change(s) declined; applying only the {3} approved.
Remediation_NothingToDo = {0}: nothing to change for the chosen protocols and components.
Remediation_ShouldProcess = {0}: {1} = {2}
Remediation_UndoShouldProcess = {0}: restore the values recorded in {1}
Remediation_OutFileReused = -OutFile '{0}' was already written by this command for another image; export one image per file.
Remediation_LegacyConflict = -DisableLegacy turns TLS 1.0/1.1 off and -AllowLegacy turns them on: choose one.
Remoting_Unreachable = Cannot reach {0} with PowerShell remoting: {1}
Collect_BadOutput = The TLS365 collector on {0} returned something that is not a snapshot.
Remoting_SshNeeds7 = SSH remoting (-HostName) needs PowerShell 7; Windows PowerShell 5.1 has WinRM remoting only (-ComputerName).
Remediation_BackupExists = The backup file '{0}' already exists; TLS365 never overwrites a backup. Choose another -BackupPath.
Remediation_VerifyFailed = read back {0} {1}
Remediation_LiveFailed = {0}: writing {1} failed ({2}). Rolled back and read back: {3} value(s) restored and {4} key(s) it had created removed, so the registry is as it was before. The backup of the prior values is {5}.
Remediation_LiveRollbackFailed = {0}: writing {1} failed ({2}), and the rollback did NOT restore everything: {3}. Put these back by hand, or run Undo-Tls365Change -BackupPath '{4}' once the cause is fixed.
Remediation_NotWindows = {0} is a backup of a live registry, which can only be restored on Windows (this is {1}). For a registry image give -Path as well.
Remediation_PathIsFolder = {0} is a folder; give one registry image (.reg or .json). To change several, pipe them: Get-ChildItem -LiteralPath <folder> -Filter *.reg | Set-Tls365Protocols
Remediation_LiveReadFailed = {0}: could not read the values the plan would change ({1}); nothing was written.
Remediation_KindNotWritable = a {0} value cannot be written back by .NET's registry API; restore it by hand
Remediation_CreatedKeyNotEmpty = the key was created by Set-Tls365Protocols but now holds {0} value(s) and {1} subkey(s) that TLS365 did not write, so it was left in place
Remediation_ReadBackDiffers = {0} is {2} after the restore, not {1} as recorded
Remediation_CreatedKeyLeft = {0} was created by Set-Tls365Protocols and still exists
Remediation_NoBackupFolder = There is no %ProgramData% for the default backup folder; give -BackupPath.
Remediation_Evaluated = {0} after the change: Ready = {1}; not ready: {2}
Remediation_NotLiveBackup = '{0}' is not a TLS365 live backup (tls365.live-backup/1 or /2); for a registry image give -Path as well.
Remediation_RestoreFailed = Could not restore {0}
Report_Exists = '{0}' exists and -NoClobber was given; the report was not written.
Report_ShouldProcess = Write the TLS365 fleet report
Report_NotReadiness = A {0} is not a TLS365.Readiness object or an ErrorRecord; it is left out of the report.
Report_Summary = Report: {0} machine(s): {1} ready, {2} not ready, {3} unknown, {4} unreachable, {5} failed.
Readiness_Progress = {0} of {1} images evaluated
Remoting_Timeout = {0} did not finish within {1} seconds (-TimeoutSeconds); it was stopped and its results, if any, discarded.
Readiness_FleetIncomplete = TLS365-EXCH-009 was not evaluated: the bridge was restarted during this call and holds {0} of the {1} Exchange servers; their results are written without it. Run the call again to compare them.
'@
