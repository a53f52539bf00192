using System.Data.Common;

namespace InterviewBot.Store.Sql;

internal static class DbCommandExtensions
{
    /// <summary>Adds a named parameter (null becomes SQL NULL).</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static DbCommand WithChannel(this DbCommand command, ChannelRef channel) =>
        command.With("platform", channel.Platform).With("channel", channel.ChannelId);
}
