using System.Text;
using LeadScoringStudio.Core.Export;
using LeadScoringStudio.Core.Json;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Models;
using LeadScoringStudio.Features.Warehouse;
using LeadScoringStudio.Security;

namespace LeadScoringStudio.Features.Export;

/// <summary>Downloads for signed-in users: scored leads as CSV (each by its segment's published model), model files
/// (a version or the draft, of the model <c>?model=</c> names, else the default) and a version's warehouse SQL
/// (<c>?dialect=</c>, <c>?format=sql|dbt</c>). Each download re-checks the account
/// against the store, so a copied cookie stops working at sign-out.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/export").RequireAuthorization().AddEndpointFilter(async (context, next) =>
            StudioRoles.CanEditModel(await context.HttpContext.RequestServices.GetRequiredService<AccountCheck>()
                .NowAsync(context.HttpContext.User))
                ? await next(context)
                : Results.Problem("Your account may no longer export: sign in again.",
                    statusCode: StatusCodes.Status403Forbidden));
        group.MapGet("/leads.csv", ExportLeadsAsync);
        group.MapGet("/models/{number:int}.json", async (int number, string? model, ModelCatalog catalog,
            PublishedModels published) =>
            await catalog.ResolveAsync(model) is { } entry && await published.GetAsync(entry.Id, number) is { } version
                ? Results.File(Encoding.UTF8.GetBytes(ModelFile.Write(version.Model)), "application/json",
                    $"{entry.Key}-v{number}.json")
                : Results.NotFound());
        group.MapGet("/models/{number:int}.sql", async (int number, string? model, string? dialect, string? format,
            ModelCatalog catalog, VersionSql sql) =>
            await catalog.ResolveAsync(model) is { } entry
                ? await sql.FileAsync(entry, number, dialect, format)
                : Results.NotFound());
        group.MapGet("/draft.json", async (string? model, ModelCatalog catalog, ModelRepository models) =>
            await catalog.ResolveAsync(model) is { } entry
                ? Results.File(Encoding.UTF8.GetBytes(ModelFile.Write((await models.LoadAsync(entry.Id)).Draft.Model)),
                    "application/json", $"{entry.Key}-draft.json")
                : Results.NotFound());
        return endpoints;
    }

    private static async Task<IResult> ExportLeadsAsync(ScoredLeadExport export, CancellationToken cancellationToken)
    {
        if (await export.RowsAsync() is not { } scored)
        {
            return Results.Problem("Nothing is published yet, so there are no scores to export.",
                statusCode: StatusCodes.Status409Conflict);
        }

        return Results.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(true), bufferSize: 64 * 1024);
            await ScoredLeadCsv.WriteAsync(writer, scored, cancellationToken);
        }, "text/csv", "scored-leads.csv");
    }
}
