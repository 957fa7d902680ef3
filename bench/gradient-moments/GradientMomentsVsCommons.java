import org.apache.commons.statistics.descriptive.*;
import java.util.*;
/** Per-parameter Welford arrays (GradientMoments) against one Commons Statistics accumulator per parameter. */
public class GradientMomentsVsCommons {
  public static void main(String[] a){
    int p=Integer.parseInt(a[0]), n=64; Random r=new Random(1);
    double[][] g=new double[n][p]; for(double[] row:g) for(int j=0;j<p;j++) row[j]=r.nextGaussian()*1e-3+1e-2;
    for(int rep=0;rep<5;rep++){
      long t0=System.nanoTime();
      double[] mean=new double[p], m2=new double[p]; long c=0;
      for(double[] row:g){ c++; for(int j=0;j<p;j++){ double x=row[j], d=x-mean[j]; mean[j]+=d/c; m2[j]+=d*(x-mean[j]); } }
      double tr=0; for(double v:m2) tr+=v/(c-1);
      long t1=System.nanoTime();
      long memBefore=used();
      DoubleStatistics[] s=new DoubleStatistics[p]; for(int j=0;j<p;j++) s[j]=DoubleStatistics.of(Statistic.MEAN, Statistic.VARIANCE);
      long memAfter=used();
      long t1b=System.nanoTime();
      for(double[] row:g) for(int j=0;j<p;j++) s[j].accept(row[j]);
      double tr2=0; for(DoubleStatistics x:s) tr2+=x.getAsDouble(Statistic.VARIANCE);
      long t2=System.nanoTime();
      System.out.printf("p=%d welford %.1f ms, commons %.1f ms (accept+read, %d objects), commons accumulators ~%d bytes/param vs 16; rel diff %.2e%n", p,(t1-t0)/1e6,(t2-t1b)/1e6,p,(memAfter-memBefore)/p, Math.abs(tr-tr2)/tr);
    }
  }
  static long used(){ Runtime rt=Runtime.getRuntime(); for(int i=0;i<3;i++) System.gc(); return rt.totalMemory()-rt.freeMemory(); }
}
