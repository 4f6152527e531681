using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Scoring;

namespace LeadScoringStudio.Core.Segments;

/// <summary>
/// Which model scores a lead: the rules are tried in order and the first whose condition the lead meets wins; a lead
/// no rule takes goes to <see cref="Otherwise"/>. Every lead lands in exactly one segment.
/// </summary>
public sealed record SegmentRouting(ValueList<Segment> Rules, Segment Otherwise)
{
    public const string EveryoneName = "Everyone";

    /// <summary>No rules: one model scores every lead.</summary>
    public static SegmentRouting Everyone(string modelKey) => new([], new Segment(EveryoneName, modelKey, null));

    /// <summary>The rules and then the default: a segment's index is its place here.</summary>
    public IReadOnlyList<Segment> Segments => [.. Rules, Otherwise];

    public int Route(Lead lead)
    {
        for (var i = 0; i < Rules.Count; i++)
        {
            if (Rules[i].When is { } when && ConditionMatcher.Matches(when, lead))
            {
                return i;
            }
        }

        return Rules.Count;
    }

    /// <summary>Each lead's segment index, in batch order: every rule decided once per distinct value.</summary>
    public byte[] Route(LeadBatch batch)
    {
        var segments = new byte[batch.Count];
        Array.Fill(segments, (byte)Rules.Count);
        for (var i = Rules.Count - 1; i >= 0; i--)
        {
            if (Rules[i].When is not { } when)
            {
                continue;
            }

            var (valueIds, matches) = batch.Conditions.Of(when);
            for (var lead = 0; lead < segments.Length; lead++)
            {
                if (matches[valueIds[lead]])
                {
                    segments[lead] = (byte)i;
                }
            }
        }

        return segments;
    }
}
