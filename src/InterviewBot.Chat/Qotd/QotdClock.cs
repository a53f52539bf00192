namespace InterviewBot.Chat.Qotd;

/// <summary>When a channel's day starts and when its quote is due, in the channel's IANA time zone.
/// <para>Daylight-saving policy: a posting time that falls in the hour skipped when clocks go forward posts at the
/// moment the clocks jump (02:30 on the spring-forward day in New York posts at 03:00 EDT); a posting time that falls
/// in the hour repeated when clocks go back posts at its first occurrence (01:30 EDT, not 01:30 EST). Either way a
/// channel gets one post per local date: the posting log's key is the local date.</para></summary>
internal static class QotdClock
{
    public static bool TryZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    /// <summary>The calendar date at <paramref name="now"/> in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset now, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>The instant <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/>, under the
    /// daylight-saving policy above.</summary>
    public static DateTimeOffset DueAt(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);

        // Skipped by a spring-forward: the first valid minute after it is when the clocks jumped.
        var guard = 0;
        while (zone.IsInvalidTime(local) && guard++ < 24 * 60)
        {
            local = local.AddMinutes(1);
            local = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
        }

        // Repeated by a fall-back: the first occurrence has the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
