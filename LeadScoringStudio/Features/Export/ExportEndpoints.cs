using System.Text;
using LeadScoringStudio.Core.Export;
using LeadScoringStudio.Core.Json;
using LeadScoringStudio.Data;
using LeadScoringStudio.Security;

namespace LeadScoringStudio.Features.Export;

/// <summary>Downloads for signed-in users: scored leads as CSV (published model), and model files (a version or the
/// draft). Each download re-checks the account against the store, so a copied cookie stops working at
/// sign-out.</summary>
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
        group.MapGet("/models/{number:int}.json", async (int number, ModelRepository models) =>
            await models.DefaultModelIdAsync() is { } id && (await models.PublishedVersionsAsync(id))
                .FirstOrDefault(v => v.Number == number) is { } version
                ? Results.File(Encoding.UTF8.GetBytes(ModelFile.Write(version.Model)), "application/json", $"model-v{number}.json")
                : Results.NotFound());
        group.MapGet("/draft.json", async (ModelRepository models) =>
            await models.DefaultModelIdAsync() is { } id
                ? Results.File(Encoding.UTF8.GetBytes(ModelFile.Write((await models.LoadAsync(id)).Draft.Model)), "application/json", "model-draft.json")
                : Results.NotFound());
        return endpoints;
    }

    private static async Task<IResult> ExportLeadsAsync(ScoredLeadExport export)
    {
        if (await export.RowsAsync() is not { } scored)
        {
            return Results.Problem("Nothing is published yet, so there are no scores to export.",
                statusCode: StatusCodes.Status409Conflict);
        }

        var (version, rows) = scored;
        var text = new StringWriter();
        ScoredLeadCsv.Write(text, rows);
        return Results.File(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString()))
            .ToArray(), "text/csv", $"scored-leads-v{version}.csv");
    }
}
