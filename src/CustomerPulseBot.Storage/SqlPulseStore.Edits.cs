using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

// Contract placeholders while the storage work for issue 8 lands; each is replaced by its SQL.
internal abstract partial class SqlPulseStore
{
    public Task<IReadOnlyList<string>> UpdateSignalAsync(WorkspaceId workspace, Signal signal, CancellationToken ct) => throw new NotImplementedException();

    public Task<bool> DeleteSignalAsync(WorkspaceId workspace, Guid signalId, ChatUser by, DateTimeOffset at, CancellationToken ct) => throw new NotImplementedException();

    public Task<Signal?> FindLastCaptureAsync(WorkspaceId workspace, string userId, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<Signal>> FindSignalsByReferenceAsync(WorkspaceId workspace, string reference, CancellationToken ct) => throw new NotImplementedException();

    public Task<CustomerList> GetCustomerStatsAsync(WorkspaceId workspace, SignalFilter filter, int limit, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<StageStats>> GetStageStatsAsync(WorkspaceId workspace, SignalFilter filter, CancellationToken ct) => throw new NotImplementedException();

    public Task<int> MergeCustomersAsync(WorkspaceId workspace, string from, string into, CancellationToken ct) => throw new NotImplementedException();
}
