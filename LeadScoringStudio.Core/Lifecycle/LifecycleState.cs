using LeadScoringStudio.Core.Models;

namespace LeadScoringStudio.Core.Lifecycle;

/// <summary>
/// What the lifecycle remembers of a lead between scorings: its stage and since when, when it was
/// last recycled (rejected, lost or gone cold), and which categories it is hot for.
/// </summary>
public sealed record LifecycleState(Stage Stage, DateTimeOffset? StageSince, DateTimeOffset? RecycledAt, ValueList<string> HotCategories)
{
    public static LifecycleState New { get; } = new(Stage.Lead, null, null, []);
}

/// <summary>The state after a transition and the events that happened on the way, in order.</summary>
public sealed record LifecycleTransition(LifecycleState State, ValueList<LifecycleEvent> Events);
