using System.Buffers;
using System.Text;
using System.Text.Json;
using LeadScoringStudio.Core.Leads;

namespace LeadScoringStudio.Data;

/// <summary>
/// Reads stored leads (<see cref="LeadJson"/>'s form) token by token. Every lead is read at start, a million of them in
/// a large workspace, where the serializer and the garbage it left took most of the time. So this reader shares what
/// repeats from lead to lead: names and text values are one string each, and activities with the same properties share
/// one read-only dictionary. One reader per thread (<see cref="OnThisThread"/>); what it keeps is bounded.
/// </summary>
public sealed class LeadJsonReader
{
    private const int MostKept = 50_000;

    [ThreadStatic]
    private static LeadJsonReader? _onThisThread;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _properties = new(StringComparer.Ordinal);
    private char[] _chars = new char[256];

    public static LeadJsonReader OnThisThread => _onThisThread ??= new LeadJsonReader();

    public Lead Read(string id, string attributesJson, string activitiesJson)
    {
        if (_strings.Count + _properties.Count > MostKept)
        {
            _strings.Clear();
            _properties.Clear();
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(
            Math.Max(attributesJson.Length, activitiesJson.Length)));
        try
        {
            var attributes = ReadAttributes(id, Utf8(attributesJson, buffer));
            var activities = ReadActivities(id, Utf8(activitiesJson, buffer));
            return new Lead(id, attributes, activities);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"Lead {id}: its stored JSON cannot be read ({error.Message}).", error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReadOnlySpan<byte> Utf8(string json, byte[] buffer) =>
        buffer.AsSpan(0, Encoding.UTF8.GetBytes(json, buffer));

    private Dictionary<string, FieldValue> ReadAttributes(string id, ReadOnlySpan<byte> json)
    {
        var attributes = new Dictionary<string, FieldValue>(32, StringComparer.OrdinalIgnoreCase);
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Shared(ref reader);
            Expect(ref reader, JsonTokenType.StartObject);
            var (type, text) = ((FieldType?)null, (string?)null);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    type = Enum.TryParse<FieldType>(Shared(ref reader), ignoreCase: true, out var read) ? read : null;
                }
                else if (reader.ValueTextEquals("value"u8))
                {
                    reader.Read();
                    text = Shared(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            attributes[name] = type is { } known && text is not null && ValueParser.TryParse(text, known, out var value)
                ? value
                : throw new InvalidDataException(
                    $"Lead {id}: attribute '{name}' holds '{text}', which is not a {type}.");
        }

        return attributes;
    }

    private List<Activity> ReadActivities(string id, ReadOnlySpan<byte> json)
    {
        var activities = new List<Activity>();
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartArray);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var (type, at, properties) = ((string?)null, (DateTimeOffset?)null, Activity.NoProperties);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    type = Shared(ref reader);
                }
                else if (reader.ValueTextEquals("at"u8))
                {
                    reader.Read();
                    at = reader.GetDateTimeOffset();
                }
                else if (reader.ValueTextEquals("properties"u8))
                {
                    reader.Read();
                    properties = Properties(ref reader, json);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            activities.Add(type is not null && at is { } when
                ? new Activity(type, when, properties)
                : throw new InvalidDataException($"Lead {id}: activity {activities.Count + 1} has no type or time."));
        }

        return activities;
    }

    /// <summary>The properties object the reader stands on, shared with every activity that had the same
    /// text.</summary>
    private IReadOnlyDictionary<string, string> Properties(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Activity.NoProperties;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var raw = json[start..(int)reader.BytesConsumed];
        var key = Chars(raw);
        if (_properties.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var known))
        {
            return known;
        }

        var text = key.ToString(); // before reading on, which reuses the characters
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var inner = new Utf8JsonReader(raw);
        inner.Read();
        while (inner.Read() && inner.TokenType == JsonTokenType.PropertyName)
        {
            var name = Shared(ref inner);
            inner.Read();
            properties[name] = inner.TokenType == JsonTokenType.Null ? "" : Shared(ref inner);
        }

        _properties[text] = properties;
        return properties;
    }

    /// <summary>The string value the reader stands on, one instance for every time it was read.</summary>
    private string Shared(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > _chars.Length)
        {
            _chars = new char[Math.Max(length, _chars.Length * 2)];
        }

        var text = _chars.AsSpan(0, reader.CopyString(_chars));
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out var shared))
        {
            shared = text.ToString();
            _strings[shared] = shared;
        }

        return shared;
    }

    private ReadOnlySpan<char> Chars(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _chars.Length)
        {
            _chars = new char[Math.Max(utf8.Length, _chars.Length * 2)];
        }

        return _chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars));
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new JsonException($"expected {token} at byte {reader.TokenStartIndex}");
        }
    }
}
