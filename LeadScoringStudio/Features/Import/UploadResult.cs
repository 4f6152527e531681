using System.Text.Json;

namespace LeadScoringStudio.Features.Import;

/// <summary>What the upload endpoint answered: the upload's id (and the file's name), or why it refused.</summary>
public sealed record UploadResult(string? Id, string Name, string? Refusal)
{
    public static UploadResult From(int status, string response, string name)
    {
        if (status == StatusCodes.Status200OK)
        {
            var body = JsonDocument.Parse(response).RootElement;
            return new UploadResult(body.GetProperty("id").GetString(), body.GetProperty("name").GetString() ?? name,
                null);
        }

        var reason = status == 0 ? "the connection broke off" : TitleOf(response) ?? $"the server answered {status}";
        return new UploadResult(null, name, $"{name} could not be uploaded: {reason}.");
    }

    private static string? TitleOf(string response)
    {
        try
        {
            var body = JsonDocument.Parse(response).RootElement;
            return body.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text
                ? text.TrimEnd('.')
                : body.TryGetProperty("title", out var title) ? title.GetString()?.TrimEnd('.') : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
