using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomerPulseBot.Storage;

/// <summary>Refuses to start with a storage setting that cannot work, naming the setting to fix.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private static readonly TimeSpan MaxStartupWait = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, StorageOptions options) => options switch
    {
        { UsesSqlite: false, UsesPostgres: false } => ValidateOptionsResult.Fail(
            $"Storage:Provider is \"{options.Provider}\", which is not a storage provider: use \"{StorageOptions.Sqlite}\" (the default, an embedded file) or \"{StorageOptions.Postgres}\"."),
        { UsesPostgres: true, ConnectionString: null or "" } => ValidateOptionsResult.Fail(
            "Storage:Provider is \"postgres\" but ConnectionStrings:Pulse is not set: give the PostgreSQL connection string there (environment variable ConnectionStrings__Pulse)."),
        { UsesPostgres: true } when ConnectionStringProblem(options.ConnectionString!) is { } problem => ValidateOptionsResult.Fail( // not null or empty: the case above
            $"ConnectionStrings:Pulse is not a PostgreSQL connection string that works: {problem}. It looks like Host=db.internal;Database=pulse;Username=pulse;Password=…"),
        { UsesSqlite: true } when string.IsNullOrWhiteSpace(options.SqlitePath) => ValidateOptionsResult.Fail(
            "Storage:SqlitePath is empty: name the SQLite file (the default is customerpulse.db in the working directory)."),
        _ when options.StartupWait < TimeSpan.Zero || options.StartupWait > MaxStartupWait => ValidateOptionsResult.Fail(
            $"Storage:StartupWait is {options.StartupWait}: give a time from 00:00:00 to 01:00:00 (the default is 00:00:30)."),
        { Timeout: var timeout } when timeout <= TimeSpan.Zero || timeout > StorageOptions.MaxTimeout => ValidateOptionsResult.Fail(
            $"Storage:Timeout is {options.Timeout}, which is not between 00:00:00 and {StorageOptions.MaxTimeout}: a reply's work has no longer."),
        _ => ValidateOptionsResult.Success,
    };

    /// <summary>What is wrong with the string, in words that never repeat a value from it (it may hold a password).</summary>
    private static string? ConnectionStringProblem(string connectionString)
    {
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // Npgsql names the key it could not set, in lower case, and puts why in the inner exception.
            return e switch
            {
                { ParamName: null } => "it is not a list of key=value pairs separated by ';'",
                { InnerException: KeyNotFoundException } => $"\"{e.ParamName}\" is not a key it knows",
                _ => $"the value of \"{e.ParamName}\" does not parse",
            };
        }

        return string.IsNullOrWhiteSpace(settings.Host) ? "it names no Host" : null;
    }
}
