// Simulated remote fleet for bench/remote-fleet.ps1: real System.Management.Automation.Job objects, shaped as
// Invoke-Command -AsJob returns them (a parent whose child jobs are named by Location, one per machine), each child
// finishing after its own delay with the collector's JSON as output. Wait-Job, StopJob and the job states work as
// they do for remoting jobs; there is no network and no remote pwsh, so hundreds of targets fit on one machine.
using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
public sealed class Tls365SimulatedChildJob : Job
{
    private readonly string location;
    private Timer timer;
    public Tls365SimulatedChildJob(string location, string output, int delayMs) : base(null, location)
    {
        this.location = location;
        SetJobState(JobState.Running);
        timer = new Timer(_ => { Output.Add(new PSObject(output)); SetJobState(JobState.Completed); }, null, delayMs, Timeout.Infinite);
    }
    public override string Location { get { return location; } }
    public override bool HasMoreData { get { return Output.Count > 0; } }
    public override string StatusMessage { get { return string.Empty; } }
    public override void StopJob() { timer.Dispose(); SetJobState(JobState.Stopped); }
}
public sealed class Tls365SimulatedFleetJob : Job
{
    private int left;
    public Tls365SimulatedFleetJob(IList<Tls365SimulatedChildJob> children) : base(null, "fleet")
    {
        left = children.Count + 1;
        SetJobState(JobState.Running);
        foreach (var c in children)
        {
            ChildJobs.Add(c);
            // Subscribe, then count a child that had already finished before (its event is gone); a child counts once.
            int counted = 0;
            EventHandler<JobStateEventArgs> done = (s, e) => { if (e.JobStateInfo.State != JobState.Running && Interlocked.Exchange(ref counted, 1) == 0) Finish(); };
            c.StateChanged += done;
            if (c.JobStateInfo.State != JobState.Running && Interlocked.Exchange(ref counted, 1) == 0) Finish();
        }
        Finish();
    }
    private void Finish()
    {
        if (Interlocked.Decrement(ref left) == 0) SetJobState(JobState.Completed);
    }
    public override string Location { get { return "simulated"; } }
    public override bool HasMoreData { get { return false; } }
    public override string StatusMessage { get { return string.Empty; } }
    public override void StopJob() { foreach (var c in ChildJobs) c.StopJob(); }
}
