namespace InterviewBot.Store;

/// <summary>Configuration section <c>Store</c>: where quote-of-the-day state lives.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    /// <summary>An Npgsql connection string. When set, state lives in PostgreSQL (several replicas may share it);
    /// when empty, in a SQLite file under <see cref="DataDirectory"/>.</summary>
    public string? PostgreSQL { get; set; }

    /// <summary>Directory of the SQLite file <c>interviewbot.db</c>; empty means INTERVIEWBOT_DATA, else the user's
    /// data directory (<c>$XDG_DATA_HOME/interviewbot</c> or <c>~/.local/share/interviewbot</c>).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The SQLite file this configuration names.</summary>
    public string SqlitePath() => Path.Combine(ResolvedDataDirectory(), "interviewbot.db");

    public string ResolvedDataDirectory()
    {
        if (!string.IsNullOrWhiteSpace(DataDirectory))
        {
            return DataDirectory;
        }

        if (Environment.GetEnvironmentVariable("INTERVIEWBOT_DATA") is { Length: > 0 } env)
        {
            return env;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg;
        return Path.Combine(root, "interviewbot");
    }
}
