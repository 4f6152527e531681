using LeadScoringStudio.Security;
using Microsoft.AspNetCore.Mvc;

namespace LeadScoringStudio.Features.Import;

/// <summary>
/// <c>POST /import/uploads?name=…</c>: the import page sends a picked file here as the request body; it is streamed
/// to a temporary file and its id returned. Ops and Marketing only (re-checked against the store), and only with the
/// <c>X-Studio-Upload</c> header, which no other site's page can send without this site's permission.
/// </summary>
public static class ImportEndpoints
{
    public const string Header = "X-Studio-Upload";

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/import/uploads", UploadAsync)
            .RequireAuthorization(policy => policy.RequireRole(StudioRoles.Ops, StudioRoles.Marketing))
            .WithMetadata(new RequestSizeLimitAttribute(ImportUploads.MaxBytes + 1));
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(HttpContext context, string? name, ImportUploads uploads,
        AccountCheck accounts, CancellationToken cancellationToken)
    {
        if (!LeadImportService.MayImport(await accounts.NowAsync(context.User)))
        {
            return Results.Problem("Only Ops and Marketing can import leads.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        if (!context.Request.Headers.ContainsKey(Header))
        {
            return Results.Problem($"Uploads come from the import page (the {Header} header is missing).",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var upload = await uploads.SaveAsync(context.Request.Body,
            string.IsNullOrWhiteSpace(name) ? "upload.csv" : name,
            context.User, cancellationToken);
        return upload is null
            ? Results.Problem(
                $"The file is over {ImportUploads.MaxBytes / 1024 / 1024} MB; split it into smaller files.",
                statusCode: StatusCodes.Status413PayloadTooLarge)
            : Results.Ok(new { upload.Id, upload.Name, upload.Bytes });
    }
}
