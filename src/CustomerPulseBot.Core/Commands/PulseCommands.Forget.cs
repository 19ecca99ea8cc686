using System.Globalization;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Core.Commands;

// "forget customer:Acme", for an erasure request: a confirmation first, then every signal of the customer erased.
public sealed partial class PulseCommands
{
    /// <summary>What Cancel under the confirmation answers.</summary>
    public static readonly NoticeView NothingErased = new("Nothing was erased", "The customer's signals are kept as they were.");

    /// <summary>
    /// Confirm was clicked under <see cref="ConfirmForgetView"/>: erases the customer its value names, through the same
    /// command as typing it (so the same people may), if the value was offered to this person in this workspace.
    /// </summary>
    public async Task<View> ConfirmForgetAsync(ChatContext context, string? value, CancellationToken ct)
    {
        if (ForgetConfirmation.CustomerFor(context, value) is not { } customer)
        {
            logger.LogWarning("Refused a forget confirmation in workspace {WorkspaceId}: it was not offered to {UserId} here", context.WorkspaceId, context.User.Id);
            return new NoticeView("Nothing was erased", "That confirmation was not offered to you in this workspace. Type forget customer:<name> to be asked yourself.");
        }

        return await ExecuteAsync(context, new ForgetCustomerCommand(customer, Confirmed: true), "", ct);
    }

    private async Task<View> ForgetAsync(ChatContext context, ForgetCustomerCommand forget, CancellationToken ct)
    {
        if (!forget.Confirmed)
        {
            var signals = await store.CountSignalsAsync(context.WorkspaceId, new SignalFilter(Customer: forget.Customer), ct);
            return signals == 0
                ? new NoticeView($"No signals of \"{forget.Customer}\"", "No signal here names that customer (in any spelling or merged name), so there is nothing to erase.")
                : new ConfirmForgetView(forget.Customer, signals, ForgetConfirmation.Value(context, forget.Customer));
        }

        var erased = await store.ForgetCustomerAsync(context.WorkspaceId, forget.Customer, ct);
        // The customer's name is personal data too: the log keeps who asked and how many, not whom.
        logger.LogInformation("Erased {Count} signals of a customer in workspace {WorkspaceId}, confirmed by {UserId}", erased, context.WorkspaceId, context.User.Id);
        return new NoticeView(
            $"Erased {erased.ToString("N0", CultureInfo.InvariantCulture)} {(erased == 1 ? "signal" : "signals")} of \"{forget.Customer}\"",
            "Their quotes, theme links and vectors, and the customer's spellings and merged names, are gone for good: no answer, count or digest shows them again.");
    }
}
