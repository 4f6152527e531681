using System.Text.Json;
using System.Text.Json.Serialization;
using LeadScoringStudio.Core.Models;
using LeadScoringStudio.Core.Segments;

namespace LeadScoringStudio.Data;

/// <summary>A segment routing as stored: the rules in order, then the default, each naming its model by key.</summary>
public static class RoutingDocument
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(SegmentRouting routing) =>
        JsonSerializer.Serialize(routing.Segments.Select(Stored).ToList(), Options);

    public static SegmentRouting Read(string document)
    {
        var segments = JsonSerializer.Deserialize<List<StoredSegment>>(document, Options)
            ?? throw new InvalidDataException("A stored routing is empty.");
        var all = segments.Select(s => new Segment(s.Name, s.Model, s.When is { } w
            ? new AttributeCondition(w.Field, w.Operator, w.Values.ToValueList())
            : null)).ToList();
        return new SegmentRouting(all[..^1].ToValueList(), all[^1]);
    }

    private static StoredSegment Stored(Segment segment) => new(segment.Name, segment.ModelKey,
        segment.When is { } w ? new StoredCondition(w.Field, w.Operator, [.. w.Values]) : null);

    private sealed record StoredSegment(string Name, string Model, StoredCondition? When);

    private sealed record StoredCondition(string Field, Operator Operator, string[] Values);
}
