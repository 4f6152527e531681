using System.Security.Claims;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Security;

namespace LeadScoringStudio.Features.Import;

/// <summary>The files of one import: the leads file and, optionally, an activities file.</summary>
public sealed record ImportFiles(CsvTable Leads, CsvTable? Activities);

/// <summary>
/// Runs imports for the wizard: dry run against the published model and the stored leads, then the commit
/// (all or nothing), the history line, the remembered mapping, and telling every workbench to reload leads.
/// </summary>
public sealed class LeadImportService(
    LeadWriter writer, LeadRepository leads, ImportRepository imports, ModelRepository models, LeadLibrary library, IStudioEvents events, TimeProvider time)
{
    public static bool MayImport(ClaimsPrincipal user) => user.IsInRole(StudioRoles.Ops) || user.IsInRole(StudioRoles.Marketing);

    public async Task<ImportPlan> DryRunAsync(ImportFiles files, IReadOnlyList<ColumnMapping> mapping, ActivityFileMapping? activityMapping, ImportOptions options)
    {
        var modelId = await models.FirstModelIdAsync();
        var workspace = modelId is { } id ? await models.LoadAsync(id) : null;
        var model = workspace?.Published?.Model ?? workspace?.Draft.Model;
        var existing = files.Activities is null ? new HashSet<string>() : await leads.ExternalIdsAsync();
        return LeadImport.Plan(files.Leads, mapping, options, files.Activities, activityMapping, model, existing);
    }

    /// <summary>Writes the plan's leads and activities. Refused while it has problems, unless <paramref name="skipBadRows"/> says to leave those rows out.</summary>
    public async Task<WriteSummary> CommitAsync(ImportFiles files, ImportPlan plan, IReadOnlyList<ColumnMapping> mapping, ActivityFileMapping? activityMapping, bool skipBadRows, ClaimsPrincipal user)
    {
        if (!MayImport(user))
        {
            throw new UnauthorizedAccessException("Only Ops and Marketing can import leads.");
        }

        if (!plan.IsClean && !skipBadRows)
        {
            throw new InvalidOperationException("The files have problems: fix them, or choose to skip the rows with problems.");
        }

        var history = new ImportRecord
        {
            At = time.GetUtcNow(),
            By = StudioRoles.NameOf(user),
            Files = string.Join(", ", new[] { files.Leads.FileName, files.Activities?.FileName }.OfType<string>()),
            Rows = files.Leads.Rows.Count + (files.Activities?.Rows.Count ?? 0),
            Skipped = plan.BadRows,
        };
        var summary = await writer.UpsertAsync(plan.Leads, plan.Activities, history);
        await imports.RememberAsync(files.Leads.Columns, new SavedMapping(mapping, activityMapping));
        library.Invalidate();
        events.Publish(new LeadsChanged());
        return summary;
    }
}
