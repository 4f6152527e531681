using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadScoringStudio.Features.Import;
using LeadScoringStudio.Tests.TestSupport;
using LeadScoringStudio.Tests.Web.Account;
using LeadScoringStudio.Tests.Web.Browser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadScoringStudio.Tests.Web.Import;

/// <summary>The import page's upload endpoint: a file streamed to a temporary file that only its uploader may
/// open.</summary>
public sealed class ImportUploadTests : HostedAppTest
{
    [Fact]
    public async Task An_upload_lands_in_a_temporary_file_that_only_its_uploader_can_open_and_read()
    {
        using var client = await SignedInAsync("marketing@demo.local", "Marketing-demo-1");
        var csv = "id,name\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"u-{i},Lead {i}\n"));

        var response = await client.PostAsync("/import/uploads?name=crm%20export.csv", Body(csv, withHeader: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var uploads = App.Services.GetRequiredService<ImportUploads>();
        var marketing = await Principals.SignedInAsync(App.Services, "marketing@demo.local");
        var upload = uploads.Find(id, marketing)!;
        Assert.Equal(("crm export.csv", (long)Encoding.UTF8.GetByteCount(csv)), (upload.Name, upload.Bytes));
        Assert.Null(uploads.Find(id, await Principals.SignedInAsync(App.Services, "ops@demo.local")));
        var read = await App.Services.GetRequiredService<LeadImportService>().OpenAsync(id, marketing);
        Assert.Equal(20_000, read.Table!.ReadRows().Count());

        uploads.Delete(id);
        Assert.False(File.Exists(upload.Path));
    }

    [Fact]
    public async Task An_upload_without_the_pages_header_is_refused_and_nothing_is_kept()
    {
        using var client = await SignedInAsync("ops@demo.local", "Ops-demo-1");

        var response = await client.PostAsync("/import/uploads?name=x.csv", Body("id\n1\n", withHeader: false));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Studio-Upload", await response.Content.ReadAsStringAsync());
        var folder = Path.Combine(DataFolder, "uploads");
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
    }

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.SignInAsync(client, email, password)).Status);
        return client;
    }

    private static ByteArrayContent Body(string text, bool withHeader)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        if (withHeader)
        {
            content.Headers.Add(ImportEndpoints.Header, "1");
        }

        return content;
    }
}
