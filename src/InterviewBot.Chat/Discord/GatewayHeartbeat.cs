namespace InterviewBot.Chat.Discord;

/// <summary>Heartbeating (first beat after a random fraction of the interval, zombie detection) and per-connection state.</summary>
internal sealed partial class DiscordGatewayClient
{
    private async Task HeartbeatAsync(ConnectionState state, CancellationToken cancellationToken)
    {
        var connection = state.Connection;
        try
        {
            TimeSpan interval;
            try
            {
                interval = await state.Hello.Task.WaitAsync(HelloTimeout, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                LogNoHello(logger, HelloTimeout.TotalSeconds);
                connection.BeginClose(GatewayProtocol.ResumableCloseCode, "no hello", GatewayNext.Resume);
                return;
            }

            await Task.Delay(interval * Math.Clamp(HeartbeatJitter(), 0, 1), time, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (Interlocked.Exchange(ref state.AwaitingAck, 1) == 1)
                {
                    LogZombie(logger);
                    connection.BeginClose(GatewayProtocol.ResumableCloseCode, "heartbeat ACK missing", GatewayNext.Resume);
                    return;
                }

                var sequence = Sequence;
                LogHeartbeat(logger, sequence);
                await connection.SendAsync(GatewayProtocol.Heartbeat(sequence)).ConfigureAwait(false);
                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private readonly record struct ConnectionResult(GatewayNext Next, bool Ready, int? CloseCode, bool InvalidSession)
    {
        public static ConnectionResult Retry => new(GatewayNext.Resume, false, null, false);
    }

    /// <summary>Per-connection state shared by the receive loop and the heartbeat loop.</summary>
    private sealed class ConnectionState(GatewayConnection connection, GatewaySession? session, Uri url)
    {
        public GatewayConnection Connection { get; } = connection;

        /// <summary>The session to resume, or null to identify.</summary>
        public GatewaySession? Session { get; } = session;

        public Uri Url { get; } = url;

        public TaskCompletionSource<TimeSpan> Hello { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>1 while a heartbeat has not been acknowledged.</summary>
        public int AwaitingAck;

        public volatile bool Ready;
    }
}
