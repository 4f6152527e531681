using LeadScoringStudio.Components;
using LeadScoringStudio.Data;
using LeadScoringStudio.Features.Account;
using LeadScoringStudio.Features.Api;
using LeadScoringStudio.Features.Export;
using LeadScoringStudio.Features.Import;
using LeadScoringStudio.Hosting;
using LeadScoringStudio.Security;

// The content root is the build output, where the repository's appsettings.json is copied, so the
// app reads the same configuration whatever directory it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args,
    ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddStudioUi();
builder.Services.AddStudioStorage(builder.Configuration);
builder.Services.AddStudioSignIn();
builder.Services.AddWorkbench(builder.Configuration);
builder.Services.AddStudioApi(builder.Configuration);
builder.Services.AddStudioErrors();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

await StudioDatabase.PrepareAsync(app.Services);

app.UseSecurityHeaders();
app.UseStudioErrors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapExportEndpoints();
app.MapImportEndpoints();
app.MapStudioApi();
app.MapReadiness();
app.MapOpenApi("/api/{documentName}/openapi.json").RequireAuthorization(ApiPolicies.Docs);

app.Run();

/// <summary>The web app's entry point, visible to tests that host it.</summary>
public partial class Program;
