using Microsoft.Playwright;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>Picking a file in a Blazor <c>InputFile</c>, as the browser tests do it.</summary>
public static class FileUploads
{
    /// <summary>
    /// Waits until Blazor has wired the file input up (its script marks the element once it listens for changes: a
    /// file set before that is never seen by the server), then picks the file.
    /// </summary>
    public static async Task UploadAsync(this IPage page, string testId, string name, string mimeType, byte[] content)
    {
        await page.WaitForFunctionAsync(
            "id => document.querySelector(`[data-testid=\"${id}\"]`)?._blazorInputFileNextFileId !== undefined",
            testId);
        await page.GetByTestId(testId).SetInputFilesAsync(new FilePayload
        {
            Name = name, MimeType = mimeType, Buffer = content,
        });
    }
}
