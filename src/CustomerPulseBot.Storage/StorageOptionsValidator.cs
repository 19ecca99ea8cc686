using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Storage;

/// <summary>Refuses to start with a storage setting that cannot work, naming the setting to fix.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) => options switch
    {
        { UsesSqlite: false, UsesPostgres: false } => ValidateOptionsResult.Fail(
            $"Storage:Provider is \"{options.Provider}\", which is not a storage provider: use \"{StorageOptions.Sqlite}\" (the default, an embedded file) or \"{StorageOptions.Postgres}\"."),
        { UsesPostgres: true, ConnectionString: null or "" } => ValidateOptionsResult.Fail(
            "Storage:Provider is \"postgres\" but ConnectionStrings:Pulse is not set: give the PostgreSQL connection string there (environment variable ConnectionStrings__Pulse)."),
        { UsesSqlite: true } when string.IsNullOrWhiteSpace(options.SqlitePath) => ValidateOptionsResult.Fail(
            "Storage:SqlitePath is empty: name the SQLite file (the default is customerpulse.db in the working directory)."),
        { Timeout: var timeout } when timeout <= TimeSpan.Zero || timeout > StorageOptions.MaxTimeout => ValidateOptionsResult.Fail(
            $"Storage:Timeout is {options.Timeout}, which is not between 00:00:00 and {StorageOptions.MaxTimeout}: a reply's work has no longer."),
        _ => ValidateOptionsResult.Success,
    };
}
