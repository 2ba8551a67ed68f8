import com.sun.tools.attach.VirtualMachine;

/**
 * Loads async-profiler into a running JVM and gives it one command (start, stop, …). jcmd's
 * JVMTI.agent_load cannot pass async-profiler's options (it splits them at '='), the attach API
 * can.
 *
 * <p>java src/bench/java/Profile.java PID LIBRARY COMMAND
 */
public class Profile {

  public static void main(String[] args) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    try {
      vm.loadAgentPath(args[1], args[2]);
    } finally {
      vm.detach();
    }
  }
}
