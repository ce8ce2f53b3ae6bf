package io.turnout.traffic;

/** {@code show stat} answers shaped like HAProxy 2.6's (header copied from the Debian 2.6.12 binary). */
final class StatsCsvFixture {

    static final String HEADER = "# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,"
            + "status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,"
            + "rate_lim,rate_max,check_status,check_code,check_duration,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,"
            + "hanafail,req_rate,req_rate_max,req_tot,cli_abrt,srv_abrt,comp_in,comp_out,comp_byp,comp_rsp,lastsess,last_chk,"
            + "last_agt,qtime,ctime,rtime,ttime,agent_status\n";

    private StatsCsvFixture() {
    }

    /** A server row; {@code reqTot} null leaves the column empty as older versions do. */
    static String server(String backend, String server, int scur, Long reqTot, long h2xx, long h4xx, long h5xx, int rtime, int ttime) {
        return backend + "," + server + ",0,0," + scur + ",0,,0,0,0,,0,,0,0,0,0,UP,70,1,0,0,0,1,0,,1,3,1,,0,,2,0,,0,L7OK,200,1,"
                + "0," + h2xx + ",0," + h4xx + "," + h5xx + ",0,,,," + (reqTot == null ? "" : reqTot) + ",0,0,0,0,0,0,1,,,0,0,"
                + rtime + "," + ttime + ",\n";
    }

    static String frontend(String name) {
        return name + ",FRONTEND,,,3,5,9986,100,0,0,0,0,0,,,,,OPEN,,,,,,,,,1,2,0,,,,0,0,0,0,,,,0,90,0,5,5,0,,0,0,100,,,0,0,0,0,,,,,,0,0,\n";
    }
}
