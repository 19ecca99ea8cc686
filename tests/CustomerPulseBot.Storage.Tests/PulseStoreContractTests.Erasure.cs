using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>Erasing a customer ("forget customer:…"), on both databases.</summary>
public abstract partial class PulseStoreContractTests
{
    [Fact]
    public async Task ErasesEveryRowOfACustomer_InAnySpellingOrMergedName_AndNothingElse()
    {
        var workspace = await NewWorkspaceAsync();
        var elsewhere = await NewWorkspaceAsync();
        var acme = NewSignal(workspace, "Acme exports hang", customer: "Acme", themes: ["exports"]);
        var lower = NewSignal(workspace, "acme invoices are wrong", customer: "acme");
        var deleted = NewSignal(workspace, "Acme wants SSO", customer: "Acme", themes: ["sso"]);
        var merged = NewSignal(workspace, "Acme Corp reports are slow", customer: "Acme Corp", themes: ["reports"]);
        var duplicate = NewSignal(workspace, "Acme exports hang again", customer: "Acme", themes: ["exports"]);
        var othersDuplicate = NewSignal(workspace, "Globex exports hang too", customer: "Globex", themes: ["exports"]);
        var globex = NewSignal(workspace, "Globex wants dark mode", customer: "Globex");
        var theirs = NewSignal(elsewhere, "Acme in another workspace", customer: "Acme");
        await AddAsync(workspace, acme, lower, deleted, merged, duplicate, othersDuplicate, globex);
        await AddAsync(elsewhere, theirs);
        var meaning = (IMeaningStore)Store;
        await meaning.SaveVectorsAsync([(workspace.Id, acme.Id, [0.6f, 0.8f])], "erasure-model", ct);
        await Store.DeleteSignalAsync(workspace.Id, deleted.Id, Deleter, Now, ct);
        await Store.MergeCustomersAsync(workspace.Id, "Acme Corp", "Acme", ct);
        await meaning.MergeDuplicateAsync(workspace.Id, duplicate.Id, acme.Id, ct);
        await meaning.MergeDuplicateAsync(workspace.Id, othersDuplicate.Id, acme.Id, ct);
        var shown = await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Customer: "acme corp"), ct);

        var erased = await Store.ForgetCustomerAsync(workspace.Id, "ACME corp", ct);

        Assert.Equal((3, 3), (shown, erased));
        Assert.Equal(0, await ((SqlPulseStore)Store).CountRowsOfAsync(workspace.Id, [acme.Id, lower.Id, deleted.Id, merged.Id, duplicate.Id], "acme", ct));
        Assert.Equal(0, await ((SqlPulseStore)Store).CountRowsOfAsync(workspace.Id, [], "acme corp", ct));
        Assert.Null(await Store.GetSignalAsync(workspace.Id, acme.Id, ct));
        Assert.Empty(await Store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: "acme"), 10, ct));
        Assert.Empty(await meaning.GetMeaningRowsAsync(workspace.Id, "erasure-model", ct));
        Assert.Equal(["Globex"], (await Store.GetCustomerStatsAsync(workspace.Id, Everything, 10, ct)).Customers.Select(c => c.Name));
        Assert.Equal(2, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Customer: "Globex"), ct));
        Assert.Equal([(null, 2)], (await Store.GetThemeStatsAsync(workspace.Id, Everything, ct)).Select(s => (s.Theme, s.Signals)));
        Assert.Equal(1, await Store.CountSignalsAsync(elsewhere.Id, new SignalFilter(Customer: "Acme"), ct));
    }

    [Fact]
    public async Task ErasesNothing_WhenNoSignalNamesTheCustomer()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(workspace, NewSignal(workspace, "Globex wants dark mode", customer: "Globex"));

        var erased = await Store.ForgetCustomerAsync(workspace.Id, "Initech", ct);

        Assert.Equal(0, erased);
        Assert.Equal(1, await Store.CountSignalsAsync(workspace.Id, Everything, ct));
    }
}
