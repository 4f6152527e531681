using System.Security.Claims;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Fields;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Security;

namespace LeadScoringStudio.Features.Import;

/// <summary>What an import did (<see cref="Summary"/>), or why it wrote nothing (<see cref="Refusal"/>).</summary>
public sealed record ImportResult(WriteSummary? Summary, string? Refusal)
{
    public static ImportResult Refused(string why) => new(null, why);
}

/// <summary>The files of one import: the leads file and, optionally, an activities file; and the uploads they were read
/// from, deleted once imported.</summary>
public sealed record ImportFiles(CsvTable Leads, CsvTable? Activities, IReadOnlyList<string>? Uploads = null);

/// <summary>
/// What the wizard proposes for a leads file: a mapping per column (remembered by column name, else suggested from
/// the values), what each column seems to hold, the column that can be the lead id (null when none can), and how
/// many columns took the mapping remembered from earlier imports.
/// </summary>
public sealed record ImportProposal(IReadOnlyList<ColumnMapping> Mapping, IReadOnlyList<ColumnGuess> Guesses,
    string? LeadIdColumn, int Remembered);

/// <summary>
/// Runs imports for the wizard: proposes a mapping, dry-runs it against the published model and the stored leads, then
/// commits (all or nothing: leads, activities, new fields and the history line in one transaction), remembers the
/// mapping per column name, and tells every workbench to reload leads.
/// </summary>
public sealed class LeadImportService(
    LeadWriter writer, LeadRepository leads, ImportRepository imports, ModelRepository models, WorkspaceFields fields,
        LeadLibrary library, IStudioEvents events, TimeProvider time, AccountCheck accounts, ImportUploads uploads,
        ILogger<LeadImportService> log)
{
    public static bool MayImport(ClaimsPrincipal user) => user.IsInRole(StudioRoles.Ops)
        || user.IsInRole(StudioRoles.Marketing);

    /// <summary>Opens an uploaded file as CSV (its encoding, delimiter and header found), or says why it cannot be
    /// read.</summary>
    public Task<CsvReadResult> OpenAsync(string uploadId, ClaimsPrincipal user) =>
        uploads.Find(uploadId, user) is { } upload
            ? Task.Run(() => CsvFile.Open(upload.Name, () => File.OpenRead(upload.Path)))
            : Task.FromResult(new CsvReadResult(null, [new ImportProblem("upload", null, null,
                "the uploaded file is gone (uploads are kept for a day): pick it again")]));

    public async Task<ImportProposal> ProposeAsync(CsvTable table, ImportOptions options,
        IProgress<int>? rowsRead = null)
    {
        var guesses = await Task.Run(() => ColumnGuess.Of(table, options, rowsRead));
        var suggested = MappingSuggestions.ForLeads(table, await ModelAsync(), guesses, await fields.FieldsAsync());
        var remembered = await imports.ColumnsAsync(table.Columns);
        var mapping = suggested.Select(s => remembered.GetValueOrDefault(s.Column) ?? s).ToList();
        return new ImportProposal(mapping, guesses, MappingSuggestions.LeadIdColumn(table.Columns, guesses),
            mapping.Count(m => remembered.ContainsKey(m.Column)));
    }

    public async Task<ActivityFileMapping> ProposeActivitiesAsync(CsvTable table) =>
        await imports.ActivitiesAsync(table.Columns) ?? MappingSuggestions.ForActivities(table.Columns);

    /// <summary>Checks every row of the files, off the page's thread, telling <paramref name="rowsChecked"/> how far it
    /// got.</summary>
    public async Task<ImportPlan> DryRunAsync(ImportFiles files, IReadOnlyList<ColumnMapping> mapping,
        ActivityFileMapping? activityMapping, ImportOptions options, IProgress<int>? rowsChecked = null)
    {
        var existing = files.Activities is null ? new HashSet<string>() : await leads.ExternalIdsAsync();
        var model = await ModelAsync();
        var now = time.GetUtcNow();
        return await Task.Run(() => LeadImport.Plan(files.Leads, mapping, options, files.Activities, activityMapping,
            model, existing, rowsChecked, now));
    }

    /// <summary>Writes the plan's leads and activities, all or nothing. Refused while it has problems, unless <paramref
    /// name="skipBadRows"/> says to leave those rows out; then the history names them. Never throws: a failure comes
    /// back as a sentence (and is logged), and nothing is written.</summary>
    public async Task<ImportResult> CommitAsync(ImportFiles files, ImportPlan plan,
        IReadOnlyList<ColumnMapping> mapping, ActivityFileMapping? activityMapping, bool skipBadRows,
        ClaimsPrincipal user, IProgress<int>? rowsWritten = null)
    {
        if (!MayImport(await accounts.NowAsync(user)))
        {
            return ImportResult.Refused("Only Ops and Marketing can import leads.");
        }

        if (plan.FileProblems.Count > 0 || (!plan.IsClean && !skipBadRows))
        {
            return ImportResult.Refused("The files have problems: fix them, or choose to skip the rows with problems.");
        }

        var history = new ImportRecord
        {
            At = time.GetUtcNow(),
            By = StudioRoles.NameOf(user),
            Files = string.Join(", ", new[] { files.Leads.FileName, files.Activities?.FileName }.OfType<string>()),
            Rows = plan.LeadCount + plan.ActivityCount + plan.BadRows,
            Skipped = plan.BadRows,
            SkippedRows = plan.BadRows == 0 ? null : plan.DescribeSkipped(),
        };
        var described = mapping.Where(m => m.Target == ColumnTarget.Attribute)
            .Select(m => CatalogField.Guess(m.Field ?? MappingSuggestions.Identifier(m.Column), m.Type, m.Column))
            .ToList();
        try
        {
            var summary = await Task.Run(() => writer.UpsertAsync(plan.ReadLeads(), plan.ReadActivities(), history,
                described, StudioRoles.NameOf(user), rowsWritten));
            foreach (var upload in files.Uploads ?? [])
            {
                uploads.Delete(upload);
            }

            await imports.RememberAsync(mapping, activityMapping);
            library.Changed(summary.Changed);
            events.Publish(LeadsChanged.Of(summary.Changed));
            events.Publish(new FieldsChanged());
            return new ImportResult(summary, null);
        }
        catch (Exception error)
        {
            log.LogError(error, "Import of {Files} by {User} failed; nothing was written", history.Files, history.By);
            return ImportResult.Refused($"The import failed and nothing was written ({error.Message}). " +
                "Try again; if it fails again, tell Ops.");
        }
    }

    private async Task<Core.Models.ScoringModel> ModelAsync()
    {
        var workspace = await models.LoadAsync((await models.DefaultModelIdAsync())!.Value);
        return workspace.Published?.Model ?? workspace.Draft.Model;
    }
}
