using Bunit;
using MudBlazor.Services;

namespace LeadScoringStudio.Tests.TestSupport;

/// <summary>The one bUnit + MudBlazor setup the component tests share; disposed asynchronously as MudBlazor 9 needs.</summary>
public abstract class MudBlazorContext : BunitContext, IAsyncLifetime
{
    protected MudBlazorContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeTestAsync();

    /// <summary>Disposes the context (and so the components); tests that own more resources extend this.</summary>
    protected virtual Task DisposeTestAsync() => DisposeAsync().AsTask();
}
