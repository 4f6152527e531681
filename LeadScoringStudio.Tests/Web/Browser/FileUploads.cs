using Microsoft.Playwright;

namespace LeadScoringStudio.Tests.Web.Browser;

/// <summary>Picking a file in a file input, as the browser tests do it.</summary>
public static class FileUploads
{
    /// <summary>
    /// Waits until the page listens to the file input (a Blazor <c>InputFile</c> marks it with its next file id, the
    /// import page's upload script with <c>data-listening</c>: a file set before that is never seen), then picks the
    /// file.
    /// </summary>
    public static async Task UploadAsync(this IPage page, string testId, string name, string mimeType, byte[] content)
    {
        await page.WaitForFunctionAsync(
            "id => { const input = document.querySelector(`[data-testid=\"${id}\"]`); " +
            "return input?._blazorInputFileNextFileId !== undefined || input?.dataset.listening === 'true'; }",
            testId);
        await page.GetByTestId(testId).SetInputFilesAsync(new FilePayload
        {
            Name = name, MimeType = mimeType, Buffer = content,
        });
    }
}
