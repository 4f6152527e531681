namespace LeadScoringStudio.Features.Collaboration;

/// <summary>Work started from an event handler that nobody awaits: its failure is logged, never dropped.</summary>
public static class TaskObservation
{
    public static void Observe(this Task task, ILogger logger, string what) =>
        task.ContinueWith(
            failed => logger.LogError(failed.Exception, "Failed while {What}", what),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
