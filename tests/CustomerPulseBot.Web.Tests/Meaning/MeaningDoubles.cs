using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CustomerPulseBot.Web.Tests.Meaning;

/// <summary>
/// The meaning service as a mock with fixed answers, put in place of the app's, and a meaning store whose tags are
/// written through the app's real store: what a click tagged shows in the card or message that answers it.
/// </summary>
public sealed class MeaningDoubles
{
    private IPulseStore? store;

    public Mock<IMeaning> Meaning { get; } = new();

    public Mock<IMeaningStore> Store { get; } = new();

    public void Register(IServiceCollection services)
    {
        Store.Setup(m => m.TagSignalsAsync(It.IsAny<WorkspaceId>(), It.IsAny<IReadOnlyList<Guid>>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns((WorkspaceId w, IReadOnlyList<Guid> ids, string theme, bool _, CancellationToken ct) => RetagAsync(w, ids, s => [.. s.Themes.Append(theme).Distinct()], ct));
        Store.Setup(m => m.UntagSignalAsync(It.IsAny<WorkspaceId>(), It.IsAny<Guid>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async (WorkspaceId w, Guid id, string theme, CancellationToken ct) => await RetagAsync(w, [id], s => [.. s.Themes.Where(t => t != theme)], ct) > 0);
        Store.Setup(m => m.MergeDuplicateAsync(It.IsAny<WorkspaceId>(), It.IsAny<Guid>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        services.AddSingleton(Meaning.Object);
        services.AddSingleton<IMeaningStore>(provider =>
        {
            store = provider.GetRequiredService<IPulseStore>();
            return Store.Object;
        });
    }

    /// <summary>Every capture answered with <paramref name="found"/>.</summary>
    public void AfterEveryCapture(Func<Signal, CaptureMeaning> found) =>
        Meaning.Setup(m => m.AfterCaptureAsync(It.IsAny<Workspace>(), It.IsAny<Signal>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Workspace _, Signal s, CancellationToken _) => found(s));

    private async Task<int> RetagAsync(WorkspaceId workspace, IReadOnlyList<Guid> ids, Func<Signal, IReadOnlyList<string>> themes, CancellationToken ct)
    {
        var changed = 0;
        foreach (var id in ids)
        {
            if (await store!.GetSignalAsync(workspace, id, ct) is { } signal && !themes(signal).SequenceEqual(signal.Themes)) // resolved with the meaning store
            {
                await store.UpdateSignalAsync(workspace, signal with { Themes = themes(signal) }, ct);
                changed++;
            }
        }

        return changed;
    }
}
