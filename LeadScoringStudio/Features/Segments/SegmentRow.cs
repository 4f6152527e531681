using LeadScoringStudio.Core.Editing;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Segments;

namespace LeadScoringStudio.Features.Segments;

/// <summary>One segment as the routing editor holds it while someone types: a condition's parts as text.</summary>
public sealed class SegmentRow
{
    public string Name { get; set; } = "";

    public string ModelKey { get; set; } = "";

    public string Field { get; set; } = "";

    public Operator Operator { get; set; } = Operator.AtLeast;

    public string Values { get; set; } = "";

    public static SegmentRow From(Segment segment) => new()
    {
        Name = segment.Name,
        ModelKey = segment.ModelKey,
        Field = segment.When?.Field ?? "",
        Operator = segment.When?.Operator ?? Operator.AtLeast,
        Values = ValuesText.Format(segment.When?.Values ?? []),
    };

    /// <summary>The segment; the default (<paramref name="isDefault"/>) has no condition.</summary>
    public Segment ToSegment(bool isDefault) => new(Name.Trim(), ModelKey,
        isDefault ? null : new AttributeCondition(Field, Operator, ValuesText.Parse(Values)));

    public static SegmentRouting Routing(IReadOnlyList<SegmentRow> rules, SegmentRow otherwise) =>
        new(rules.Select(r => r.ToSegment(false)).ToValueList(), otherwise.ToSegment(true));
}
