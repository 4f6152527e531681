using System.Collections.Concurrent;
using System.Security.Claims;
using LeadScoringStudio.Core.Import;
using LeadScoringStudio.Data;
using LeadScoringStudio.Security;
using Microsoft.Extensions.Options;

namespace LeadScoringStudio.Features.Import;

/// <summary>A file someone uploaded for an import, kept in a temporary file until it is imported or a day
/// old.</summary>
public sealed record Upload(string Id, string Name, long Bytes, string Path, string Owner, DateTimeOffset At);

/// <summary>
/// Import files arrive through an HTTP endpoint, streamed straight to a temporary file in the data folder (never held
/// in memory, never through a page's connection). Only the person who uploaded a file may open it; files are deleted
/// once imported, and anything older than a day is swept away.
/// </summary>
public sealed class ImportUploads(IOptions<StorageOptions> storage, IHostEnvironment host, TimeProvider time)
{
    public const long MaxBytes = CsvFile.DefaultMaxBytes;

    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, Upload> _uploads = new(StringComparer.Ordinal);

    private string Folder => Path.Combine(Path.GetFullPath(storage.Value.DataFolder, host.ContentRootPath), "uploads");

    /// <summary>Streams <paramref name="body"/> to a new temporary file; null and nothing kept when it is over
    /// <see cref="MaxBytes"/>.</summary>
    public async Task<Upload?> SaveAsync(Stream body, string name, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        Sweep();
        Directory.CreateDirectory(Folder);
        var id = Guid.NewGuid().ToString("N");
        var path = Path.Combine(Folder, id + ".upload");
        long bytes;
        var tooBig = false;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16,
                useAsync: true);
            var buffer = new byte[1 << 16];
            int read;
            while (!tooBig && (read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                tooBig = file.Length + read > MaxBytes;
                if (!tooBig)
                {
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            bytes = file.Length;
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        if (tooBig)
        {
            File.Delete(path);
            return null;
        }

        var upload = new Upload(id, System.IO.Path.GetFileName(name), bytes, path, StudioRoles.NameOf(user),
            time.GetUtcNow());
        _uploads[id] = upload;
        return upload;
    }

    /// <summary>The upload, if it exists and <paramref name="user"/> made it.</summary>
    public Upload? Find(string id, ClaimsPrincipal user) =>
        _uploads.TryGetValue(id, out var upload) && upload.Owner == StudioRoles.NameOf(user) && File.Exists(upload.Path)
            ? upload
            : null;

    public void Delete(string id)
    {
        if (_uploads.TryRemove(id, out var upload))
        {
            File.Delete(upload.Path);
        }
    }

    private void Sweep()
    {
        var cutoff = time.GetUtcNow() - KeepFor;
        foreach (var old in _uploads.Values.Where(u => u.At < cutoff))
        {
            Delete(old.Id);
        }

        if (Directory.Exists(Folder))
        {
            foreach (var orphan in new DirectoryInfo(Folder).GetFiles("*.upload")
                .Where(f => f.LastWriteTimeUtc < cutoff.UtcDateTime))
            {
                orphan.Delete();
            }
        }
    }
}
