package io.turnout.router;

import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.stack.Color;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.turnout.stack.Color.BLUE;
import static io.turnout.stack.Color.GREEN;
import static org.assertj.core.api.Assertions.assertThat;

/** Answers recorded from HAProxy 2.6 (the sandbox router image). */
class HaproxyStateTest {

    private static final String SERVERS = """
            1
            # be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl srv_check_port srv_check_addr srv_agent_addr srv_agent_port
            5 web 1 blue 10.213.4.2 2 8 0 100 8 15 3 4 6 0 0 0 rtp-web-blue 8080 - 0 0 - - 0
            5 web 2 green 10.213.4.3 2 0 100 0 8 15 3 4 6 0 0 0 rtp-web-green 8080 - 0 0 - - 0
            6 preview.web 1 blue 10.213.4.2 2 0 100 0 8 15 3 4 6 0 0 0 rtp-web-blue 8080 - 0 0 - - 0
            6 preview.web 2 green 0.0.0.0 0 37 0 0 8 1 0 0 14 0 0 0 rtp-web-green 8080 - 0 0 - - 0

            """;

    @Test
    void drainedColorReadsAsWeightZeroAndPreviewIsTheServerNotInMaint() {
        RoutingTable t = HaproxyState.table(SERVERS + "\n", List.of("web"));
        assertThat(t).isEqualTo(new RoutingTable(Map.of("web", ServiceRoute.allTo(GREEN)), false));
    }

    @Test
    void maintenanceIsOnWhileTheAclHoldsAnEntry() {
        RoutingTable t = HaproxyState.table(SERVERS + "0x7f43b404c930 on\n\n", List.of("web"));
        assertThat(t.maintenance()).isTrue();
    }

    @Test
    void serviceTheRunningConfigDoesNotKnowIsLeftOut() {
        assertThat(HaproxyState.table(SERVERS, List.of("web", "api")).services()).containsOnlyKeys("web");
    }

    @Test
    void checksComeFromShowStat() {
        String csv = """
                # pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,rate_lim,rate_max,check_status,check_code,check_duration
                fe.public,FRONTEND,,,0,1,262124,3,,,,,,,,,,OPEN,,,,,,,,,1,2,0,,,,0,0,0,1,,,
                web,blue,0,0,2,1,,3,,,,0,,0,0,0,0,DRAIN,0,1,0,0,0,40,0,,1,5,1,,3,,2,0,,1,L7OK,200,1
                web,green,0,0,0,0,,0,,,,0,,0,0,0,0,DOWN,100,1,0,3,1,4,4,,1,5,2,,0,,2,0,,0,* L7STS,500,2
                web,BACKEND,0,0,2,1,,3,,,,0,,0,0,0,0,UP,100,1,0,,0,40,0,,1,5,0,,3,,1,0,,1,,,
                preview.web,blue,0,0,0,0,,0,,,,0,,0,0,0,0,MAINT (resolution),0,1,0,0,0,40,0,,1,6,1,,0,,2,0,,0,,,
                """;
        Map<String, Map<Color, BackendCheck>> checks = HaproxyState.checks(csv, List.of("web"));
        assertThat(checks.get("web").get(BLUE)).isEqualTo(new BackendCheck("DRAIN", "L7OK/200 in 1ms", 2, 0));
        assertThat(checks.get("web").get(GREEN)).isEqualTo(new BackendCheck("DOWN", "L7STS/500 in 2ms", 0, 100));
        assertThat(checks.get("web").get(BLUE).up()).isTrue();
    }

    @Test
    void statusKeepsTheFirstWordOfTransitions() {
        assertThat(HaproxyState.status("UP 1/3")).isEqualTo("UP");
        assertThat(HaproxyState.status("MAINT (resolution)")).isEqualTo("MAINT");
        assertThat(HaproxyState.status("no check")).isEqualTo("NO CHECK");
        assertThat(HaproxyState.status("NOLB")).isEqualTo("DRAIN");
        assertThat(HaproxyState.status("?")).isEqualTo("UNKNOWN");
    }
}
