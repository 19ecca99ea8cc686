using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Customers;

/// <summary>
/// What the Confirm button of <c>forget customer:…</c> carries: the workspace, the person it was offered to, and the
/// customer, written here and read back here. A value clicked in another workspace or by anyone else, cut, or made
/// up in any other shape is refused, so a forwarded or replayed confirmation erases nothing.
/// </summary>
public static class ForgetConfirmation
{
    public static string Value(ChatContext context, string customer) => $"{context.WorkspaceId.Value:N} {context.User.Id} {customer}";

    /// <summary>The customer to erase, or null when the value was not offered to this person in this workspace.</summary>
    public static string? CustomerFor(ChatContext context, string? value)
    {
        var parts = (value ?? "").Split(' ', 3);
        return parts is [var workspace, var user, var customer]
               && Guid.TryParseExact(workspace, "N", out var id) && id == context.WorkspaceId.Value
               && user == context.User.Id
               && customer.Trim().Length > 0
            ? customer
            : null;
    }
}
