using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

// Personal data masked on the way in: what every capture path (one line, forms, edits) stores and answers.
public abstract partial class PulseCommandsTests
{
    [Fact]
    public async Task StoresTheQuoteAndCustomerMasked_AndSaysWhatWasMasked_WhenCapturedInOneLine()
    {
        var workspace = await NewWorkspaceAsync();

        var view = Assert.IsType<CaptureConfirmedView>(await Commands.HandleTextAsync(Context(workspace),
            "Refund jane@acme.example.com, card 4847 7326 4415 8229 was charged twice customer:ops@acme.example.com", ct));
        var stored = await Store.GetSignalAsync(workspace.Id, view.Signal.Id, ct);
        var searched = await Store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: "jane"), 10, ct);

        Assert.Equal(("Refund [email], card [card] was charged twice", "[email]"), (view.Signal.Quote, view.Signal.Customer));
        Assert.Equal((view.Signal.Quote, view.Signal.Customer), (stored!.Quote, stored.Customer));
        Assert.Equal(new PersonalDataFound(Emails: 2, Cards: 1), view.Masked);
        Assert.Empty(searched);
    }

    [Fact]
    public async Task SavesAFormMasked_AndAnEditOfItToo()
    {
        var workspace = await NewWorkspaceAsync();
        var context = Context(workspace);

        var saved = Assert.IsType<CaptureConfirmedView>(await Commands.SubmitCaptureAsync(context,
            new CaptureDraft("Call me on +44 20 7946 0958 about the export", "Globex", EvidenceUrl: "https://files.example.com/x?key=AKIAKM82ZI4GHPQ6ZDTY"), ct));
        var edited = Assert.IsType<CaptureConfirmedView>(await Commands.SubmitCaptureAsync(context,
            new CaptureDraft("Mail me at li.wei@globex.example.cn about the export", "Globex"), saved.Signal.Id, ct));
        var stored = await Store.GetSignalAsync(workspace.Id, saved.Signal.Id, ct);

        Assert.Equal("Call me on [phone] about the export", saved.Signal.Quote);
        Assert.Equal("https://files.example.com/x?key=[secret]", saved.Signal.EvidenceUrl);
        Assert.Equal(new PersonalDataFound(Phones: 1, Secrets: 1), saved.Masked);
        Assert.Equal(("Mail me at [email] about the export", true), (edited.Signal.Quote, edited.Edited));
        Assert.Equal(new PersonalDataFound(Emails: 1), edited.Masked);
        Assert.Equal("Mail me at [email] about the export", stored!.Quote);
    }

    [Fact]
    public async Task ConfirmsTheEarlierCapture_WhenTheSameQuoteComesAgainWithOtherPersonalData()
    {
        var workspace = await NewWorkspaceAsync();

        var first = Assert.IsType<CaptureConfirmedView>(await Commands.HandleTextAsync(Context(workspace), "Call 0171 2345678 about the renewal customer:Acme", ct));
        var again = Assert.IsType<CaptureConfirmedView>(await Commands.HandleTextAsync(Context(workspace), "Call 0172 7654321 about the renewal customer:Acme", ct));

        Assert.True(again.AlreadySaved);
        Assert.Equal(first.Signal.Id, again.Signal.Id);
        Assert.Equal(1, await CountAsync(workspace));
    }

    [Fact]
    public async Task StoresTheTextAsTyped_WhenRedactionIsSwitchedOff()
    {
        var workspace = await NewWorkspaceAsync();

        var off = Assert.IsType<SettingsView>(await Commands.HandleTextAsync(Context(workspace), "settings redact off", ct));
        var stored = (await Store.GetWorkspaceAsync(workspace.Id, ct))!;
        var raw = Assert.IsType<CaptureConfirmedView>(await Commands.HandleTextAsync(Context(stored), "Mail jane@acme.example.com about SSO", ct));
        var on = Assert.IsType<SettingsView>(await Commands.HandleTextAsync(Context(stored), "settings redact on", ct));
        var again = (await Store.GetWorkspaceAsync(workspace.Id, ct))!;
        var masked = Assert.IsType<CaptureConfirmedView>(await Commands.HandleTextAsync(Context(again), "Mail jane@acme.example.com about SAML", ct));

        Assert.True(workspace.Redact);
        Assert.Equal((WorkspaceSetting.Redact, false), (off.Changed, off.Redact));
        Assert.False(stored.Redact);
        Assert.Equal(("Mail jane@acme.example.com about SSO", null), (raw.Signal.Quote, raw.Masked));
        Assert.Equal((WorkspaceSetting.Redact, true), (on.Changed, on.Redact));
        Assert.Equal(("Mail [email] about SAML", 1), (masked.Signal.Quote, masked.Masked?.Emails));
        Assert.Equal(workspace.AutoTag, again.AutoTag);
    }

    [Fact]
    public async Task AsksFirst_ThenErasesTheCustomerInEverySpelling_WhenConfirmed()
    {
        var workspace = await NewWorkspaceAsync();
        await CaptureAsync(workspace, "Exports hang customer:Acme");
        await CaptureAsync(workspace, "Invoices are wrong customer:acme");
        await CaptureAsync(workspace, "Reports are slow customer:\"Acme Corp\"");
        await CaptureAsync(workspace, "Dark mode please customer:Globex");
        await Commands.HandleTextAsync(Context(workspace), "customer merge \"Acme Corp\" Acme", ct);

        var asked = Assert.IsType<ConfirmForgetView>(await Commands.HandleTextAsync(Context(workspace), "forget customer:ACME", ct));
        var before = await CountAsync(workspace);
        var erased = Assert.IsType<NoticeView>(await Commands.ConfirmForgetAsync(Context(workspace), asked.Value, ct));

        Assert.Equal(("ACME", 3), (asked.Customer, asked.Signals));
        Assert.Equal(4, before);
        Assert.Equal("Erased 3 signals of \"ACME\"", erased.Title);
        Assert.Equal(1, await CountAsync(workspace));
        Assert.Equal(0, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Customer: "Acme Corp"), ct));
    }

    [Fact]
    public async Task ErasesNothing_WhenTheConfirmationIsClickedByAnotherPersonInAnotherWorkspaceOrForged()
    {
        var workspace = await NewWorkspaceAsync();
        var elsewhere = await NewWorkspaceAsync();
        await CaptureAsync(workspace, "Exports hang customer:Acme");
        await CaptureAsync(elsewhere, "Exports hang there too customer:Acme");
        var asked = Assert.IsType<ConfirmForgetView>(await Commands.HandleTextAsync(Context(workspace), "forget customer:Acme", ct));

        var byOther = await Commands.ConfirmForgetAsync(Context(workspace, Other), asked.Value, ct);
        var inOther = await Commands.ConfirmForgetAsync(Context(elsewhere), asked.Value, ct);
        var forged = await Commands.ConfirmForgetAsync(Context(elsewhere), $"{elsewhere.Id.Value:N}", ct);
        var empty = await Commands.ConfirmForgetAsync(Context(workspace), null, ct);

        Assert.All([byOther, inOther, forged, empty], view => Assert.Equal("Nothing was erased", Assert.IsType<NoticeView>(view).Title));
        Assert.Equal(1, await CountAsync(workspace));
        Assert.Equal(1, await CountAsync(elsewhere));
    }

    [Fact]
    public async Task SaysThereIsNothingToErase_WhenNoSignalNamesTheCustomer()
    {
        var workspace = await NewWorkspaceAsync();
        await CaptureAsync(workspace, "Exports hang customer:Acme");

        var view = Assert.IsType<NoticeView>(await Commands.HandleTextAsync(Context(workspace), "forget customer:Initech", ct));

        Assert.Equal("No signals of \"Initech\"", view.Title);
        Assert.Equal(1, await CountAsync(workspace));
    }
}
