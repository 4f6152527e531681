using System.Globalization;

namespace LeadScoringStudio.Features.Import;

/// <summary>A file's size as people say it: 312 bytes, 4.2 KB, 118.7 MB.</summary>
public static class FileSize
{
    public static string Of(long bytes) => bytes switch
    {
        < 1024 => bytes == 1 ? "1 byte" : $"{bytes} bytes",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.# KB", CultureInfo.CurrentCulture),
        _ => (bytes / 1024.0 / 1024.0).ToString("0.# MB", CultureInfo.CurrentCulture),
    };
}
