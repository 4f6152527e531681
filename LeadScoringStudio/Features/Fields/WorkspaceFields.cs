using System.Security.Claims;
using LeadScoringStudio.Core.Fields;
using LeadScoringStudio.Core.Leads;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Collaboration;
using LeadScoringStudio.Features.Leads;
using LeadScoringStudio.Security;
using Microsoft.EntityFrameworkCore;

namespace LeadScoringStudio.Features.Fields;

/// <summary>The field catalog changed (a field was described, retyped or left out); pages showing fields
/// reload.</summary>
public sealed record FieldsChanged() : StudioEvent(LeadsChanged.AnyModel, null);

/// <summary>
/// The workspace's field catalog: what people said about each field, over what the stored leads hold in it and the
/// fields the model knows. Profiles are computed once per loaded lead set and shared; changes are checked, written
/// and announced here.
/// </summary>
public sealed class WorkspaceFields(
    IDbContextFactory<StudioDbContext> contexts, ModelRepository models, LeadLibrary library, LeadWriter writer,
        IStudioEvents events, TimeProvider time, AccountCheck accounts)
{
    private readonly Lock _gate = new();
    private (LeadSet Leads, IReadOnlyList<FieldProfile> Profiles)? _profiles;

    public static bool MayDescribe(ClaimsPrincipal user) => user.IsInRole(StudioRoles.Ops)
        || user.IsInRole(StudioRoles.Marketing);

    public async Task<IReadOnlyList<CatalogEntry>> EntriesAsync(CancellationToken cancellationToken = default)
    {
        var leads = await library.GetAsync();
        var stored = await StoredAsync(cancellationToken);
        var modelId = await models.DefaultModelIdAsync(cancellationToken);
        var modelFields = modelId is { } id ? (await models.LoadAsync(id, cancellationToken)).Draft.Model.Fields : [];
        return FieldCatalog.Compose(stored, modelFields, ProfilesOf(leads), leads.Count);
    }

    /// <summary>The catalog's fields as tuning and the editor use them.</summary>
    public async Task<IReadOnlyList<CatalogField>> FieldsAsync(CancellationToken cancellationToken = default) =>
        (await EntriesAsync(cancellationToken)).Select(e => e.Field).ToList();

    /// <summary>
    /// Saves what someone said about a field. A new type converts every stored value of the field, all or nothing: when
    /// a value cannot be read as the new type, nothing changes and the answer names the leads and values.
    /// </summary>
    public async Task<SaveResult> DescribeAsync(CatalogField field, ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        if (!MayDescribe(await accounts.NowAsync(user)))
        {
            return new SaveResult(SaveStatus.Refused, "Only Ops and Marketing describe fields.");
        }

        if (string.IsNullOrWhiteSpace(field.Label))
        {
            return new SaveResult(SaveStatus.Invalid, $"Give the field '{field.Key}' a label people will recognise.");
        }

        var current = (await EntriesAsync(cancellationToken))
            .FirstOrDefault(e => string.Equals(e.Key, field.Key, StringComparison.OrdinalIgnoreCase));
        if (current is null)
        {
            return new SaveResult(SaveStatus.Invalid, $"There is no field '{field.Key}'.");
        }

        var retyped = current.Field.Type != field.Type && current.Profile.Filled > 0;
        if (retyped)
        {
            var leads = await library.GetAsync();
            var converted = Retype(leads, field.Key, field.Type, out var problems);
            if (problems.Count > 0)
            {
                return new SaveResult(SaveStatus.Invalid,
                    $"'{field.Label}' stays {Describe(current.Field.Type)}: {problems.Count:N0} values cannot be " +
                        $"read as {Describe(field.Type)}, e.g. {string.Join("; ", problems.Take(3))}.");
            }

            await writer.RetypeAsync(field.Key, converted, Record(field, user), cancellationToken);
            library.Invalidate();
            events.Publish(new LeadsChanged());
        }
        else
        {
            await SaveAsync(field, user, cancellationToken);
        }

        events.Publish(new FieldsChanged());
        return new SaveResult(SaveStatus.Saved,
            retyped
                ? $"'{field.Label}' is now {Describe(field.Type)}; every stored value was converted."
                : $"'{field.Label}' saved.");
    }

    /// <summary>Changes one thing about a field (e.g. marks it known before contact), keeping the rest as
    /// described.</summary>
    public async Task<SaveResult> ChangeAsync(string key, Func<CatalogField, CatalogField> change,
        ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var entry = (await EntriesAsync(cancellationToken))
            .FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));
        return entry is null
            ? new SaveResult(SaveStatus.Invalid, $"There is no field '{key}'.")
            : await DescribeAsync(change(entry.Field), user, cancellationToken);
    }

    private IReadOnlyList<FieldProfile> ProfilesOf(LeadSet leads)
    {
        lock (_gate)
        {
            if (_profiles is { } cached && ReferenceEquals(cached.Leads, leads))
            {
                return cached.Profiles;
            }
        }

        var profiles = FieldProfile.Of(leads.Batch);
        lock (_gate)
        {
            _profiles = (leads, profiles);
        }

        return profiles;
    }

    private async Task<IReadOnlyList<CatalogField>> StoredAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Fields.AsNoTracking().ToListAsync(cancellationToken)).Select(f => f.ToField()).ToList();
    }

    private async Task SaveAsync(CatalogField field, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = (await db.Fields.ToListAsync(cancellationToken))
            .FirstOrDefault(f => string.Equals(f.Key, field.Key, StringComparison.OrdinalIgnoreCase));
        if (record is null)
        {
            db.Fields.Add(Record(field, user));
        }
        else
        {
            record.Set(field);
            (record.UpdatedAt, record.UpdatedBy) = (time.GetUtcNow(), StudioRoles.NameOf(user));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private FieldRecord Record(CatalogField field, ClaimsPrincipal user)
    {
        var record = new FieldRecord { Key = field.Key, Label = field.Label, UpdatedAt = time.GetUtcNow(),
            UpdatedBy = StudioRoles.NameOf(user) };
        record.Set(field);
        return record;
    }

    /// <summary>Every stored value of the field read as the new type, by lead id; what cannot be read goes to <paramref
    /// name="problems"/>.</summary>
    private static IReadOnlyDictionary<string, FieldValue> Retype(LeadSet leads, string key, FieldType type,
        out List<string> problems)
    {
        var converted = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        problems = [];
        for (var position = 0; position < leads.Count; position++)
        {
            var value = leads.Batch.ValueAt(position, key);
            if (value.IsMissing)
            {
                continue;
            }

            if (ValueParser.TryParse(value.ToString(), type, out var read))
            {
                converted[leads.IdAt(position)] = read;
            }
            else
            {
                problems.Add($"lead {leads.IdAt(position)}: '{value}'");
            }
        }

        return converted;
    }

    private static string Describe(FieldType type) => type switch
    {
        FieldType.Number => "a number",
        FieldType.YesNo => "yes/no",
        FieldType.Date => "a date",
        _ => "text",
    };
}
